using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.MemberPortal.Passwords;

/// <summary>The event that sends a member the notice that their WiFi password was changed (never the password).</summary>
public sealed record PasswordChangedEvent(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("memberId")] string MemberId,
    [property: JsonPropertyName("changedAt")] DateTimeOffset ChangedAt)
{
    public const string Type = "email.password-changed";

    public static EventEnvelope Envelope(string connectorId, string username, string memberId, DateTimeOffset changedAt) => new()
    {
        Id = $"password-changed:{username}:{changedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
        Type = Type,
        ConnectorId = connectorId,
        OccurredAt = changedAt,
        Payload = JsonSerializer.SerializeToElement(new PasswordChangedEvent(username, memberId, changedAt)),
    };
}
