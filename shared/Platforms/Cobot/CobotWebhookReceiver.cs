using System.Security.Cryptography;
using System.Text;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A Cobot webhook (<c>POST /api/webhooks/cobot/{connectorId}/{callbackToken}</c>) with <c>{"url":"…"}</c>, or, for
/// deletion events, the deleted membership itself (its <c>id</c>). Cobot does not sign webhooks, so the body is only a
/// hint: the token in the URL is compared in constant time (401), the URL must be a membership on the connector's own
/// API host or the id a membership id (400); the queued event names the membership, which its handler re-reads from
/// Cobot with the connector's token. Each delivery is a new event (Cobot sends no id of its own).
/// </summary>
public sealed partial class CobotWebhookReceiver(ConnectorSecrets secrets, ILogger<CobotWebhookReceiver> logger) : IWebhookReceiver
{
    /// <summary>The callback token.</summary>
    public int PathSegments => 1;

    public async Task<WebhookReceipt> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var connector = delivery.Connector;
        var settings = CobotConnectorSettings.Of(connector) ?? throw new InvalidOperationException($"Connector '{connector.Id}' has no Cobot settings.");
        var expected = await secrets.GetAsync(CobotSecretNames.CallbackToken(connector.Id), cancellationToken);
        if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(delivery.Path[0]), Encoding.UTF8.GetBytes(expected)))
        {
            LogRejected(connector.Id, "callback token");
            return WebhookReceipt.Unauthorized("Invalid callback token", "The webhook URL's token is not this connector's.");
        }

        var (hint, malformed) = CobotWebhookBody.Read(delivery.Body, settings.ApiBaseUrl);
        if (malformed)
            return WebhookReceipt.BadRequest("Malformed webhook", "The body must be a JSON object with a \"url\" string, or the deleted membership with its \"id\".");
        if (hint is null)
        {
            LogRejected(connector.Id, "resource");
            return WebhookReceipt.BadRequest("Unknown resource", "The url must point at a membership on this connector's Cobot API host, or the id must be a membership id.");
        }
        return WebhookReceipt.Accept(CobotWebhookEvent.Envelope(connector.Id, hint, delivery.ReceivedAt), idIsThePlatforms: false);
    }

    [LoggerMessage(EventId = 1101, EventName = "CobotWebhookRejected", Level = LogLevel.Warning, Message = "Rejected a Cobot webhook for connector {ConnectorId}: bad {Problem}")]
    private partial void LogRejected(string connectorId, string problem);
}
