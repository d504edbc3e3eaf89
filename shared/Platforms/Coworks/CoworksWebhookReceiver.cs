using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A Coworks webhook (<c>POST /api/webhooks/coworks/{connectorId}</c>): the signature over the raw bytes is checked
/// before anything else reads them (401), then the body is read (400 malformed, or another space's). The event keeps
/// Coworks' id, so a repeat is answered 200 and not queued again.
/// </summary>
public sealed partial class CoworksWebhookReceiver(
    CoworksCredentials credentials, IOptions<CoworksWebhookOptions> options, ILogger<CoworksWebhookReceiver> logger) : IWebhookReceiver
{
    public int PathSegments => 0;

    public async Task<WebhookReceipt> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var connector = delivery.Connector;
        var webhookSecrets = await credentials.GetWebhookSecretsAsync(connector, cancellationToken);
        if (webhookSecrets.Count == 0)
            return WebhookReceipt.Unauthorized("Invalid signature", "The connector has no webhook secret yet, so no signature can be valid.");
        var signature = CoworksSignature.Verify(delivery.Body, delivery.Header(CoworksSignature.HeaderName), webhookSecrets, delivery.ReceivedAt, options.Value.SignatureTolerance);
        if (signature != CoworksSignatureResult.Valid)
        {
            LogRejected(connector.Id, signature);
            return WebhookReceipt.Unauthorized("Invalid signature", $"The {CoworksSignature.HeaderName} header is {Describe(signature)}.");
        }

        CoworksWebhookEvent webhook;
        try
        {
            webhook = CoworksWebhookParser.Parse(delivery.Body);
        }
        catch (CoworksPayloadException ex)
        {
            return WebhookReceipt.BadRequest("Malformed webhook", ex.Message);
        }
        if (webhook.SpaceId != CoworksConnectorSettings.Of(connector)?.SpaceId)
            return WebhookReceipt.BadRequest("Wrong space", $"The event is for space '{webhook.SpaceId}', not this connector's.");

        using var document = JsonDocument.Parse(delivery.Body);
        return WebhookReceipt.Accept(new EventEnvelope
        {
            Id = webhook.Id,
            Type = CoworksWebhookEventHandler.Type,
            ConnectorId = connector.Id,
            OccurredAt = webhook.CreatedAt,
            Payload = document.RootElement.Clone(),
        }, idIsThePlatforms: true);
    }

    private static string Describe(CoworksSignatureResult result) => result switch
    {
        CoworksSignatureResult.Missing => "missing",
        CoworksSignatureResult.Malformed => "malformed (expected t=<unix seconds>,v1=<hex>)",
        CoworksSignatureResult.Stale => "outside the allowed time window",
        _ => "not a valid signature of this body",
    };

    [LoggerMessage(EventId = 751, EventName = "CoworksWebhookRejected", Level = LogLevel.Warning, Message = "Rejected a Coworks webhook for connector {ConnectorId}: signature {SignatureResult}")]
    private partial void LogRejected(string connectorId, CoworksSignatureResult signatureResult);
}
