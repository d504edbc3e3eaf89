using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Events;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>
/// Acme's webhooks: <c>{"eventId":"…","memberId":"…"}</c> with <c>X-Acme-Signature</c>, the lowercase hex
/// HMAC-SHA256 of the body keyed with the connector's signing key. The queued event names the member, whom its
/// handler reads from Acme; the event id is Acme's, so a repeat is answered 200.
/// </summary>
public sealed class AcmeWebhookReceiver(ConnectorSecrets secrets) : IWebhookReceiver
{
    public const string SignatureHeader = "X-Acme-Signature";
    public const string EventType = "acme.member";

    public int PathSegments => 0;

    public async Task<WebhookReceipt> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var key = await secrets.GetAsync(AcmeSecrets.SigningKeyName(delivery.Connector.Id), cancellationToken);
        var given = delivery.Header(SignatureHeader);
        if (key is null || given is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(delivery.Body, key)), Encoding.ASCII.GetBytes(given)))
            return WebhookReceipt.Unauthorized("Invalid Acme signature", $"The {SignatureHeader} header is not this body's signature.");
        AcmeWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<AcmeWebhook>(delivery.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException)
        {
            webhook = null;
        }
        if (webhook is not { EventId.Length: > 0, MemberId.Length: > 0 })
            return WebhookReceipt.BadRequest("Malformed Acme webhook", "The body must name an eventId and a memberId.");
        return WebhookReceipt.Accept(new EventEnvelope
        {
            Id = webhook.EventId,
            Type = EventType,
            ConnectorId = delivery.Connector.Id,
            OccurredAt = delivery.ReceivedAt,
            Payload = JsonSerializer.SerializeToElement(new { memberId = webhook.MemberId }),
        }, idIsThePlatforms: true);
    }

    public static string Sign(byte[] body, string key) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    private sealed record AcmeWebhook(string? EventId, string? MemberId);
}
