using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The queued form of a Cobot webhook: only which membership it is about. The body Cobot sent is never trusted; the
/// handler re-reads the membership with the connector's token.
/// </summary>
public sealed record CobotWebhookEvent(
    [property: JsonPropertyName("membershipId")] string MembershipId,
    [property: JsonPropertyName("url")] string Url)
{
    public const string Type = "cobot.webhook";

    public static EventEnvelope Envelope(string connectorId, CobotWebhookEvent webhook, DateTimeOffset now) => new()
    {
        Id = "cobot-" + Guid.NewGuid().ToString("N"),
        Type = Type,
        ConnectorId = connectorId,
        OccurredAt = now,
        Payload = JsonSerializer.SerializeToElement(webhook),
    };
}
