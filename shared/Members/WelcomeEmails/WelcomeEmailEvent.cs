using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>The event that sends a member's welcome email, so a failed send is retried by the failure policy.</summary>
public sealed record WelcomeEmailEvent(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("memberId")] string MemberId,
    [property: JsonPropertyName("resend")] bool Resend)
{
    public const string Type = "email.welcome";

    public static EventEnvelope Envelope(string connectorId, string username, string memberId, DateTimeOffset now, string? resendId = null) => new()
    {
        // Deterministic for the first email, so queueing it twice sends it once; a resend gets an id of its own.
        Id = resendId is null ? $"welcome:{username}" : $"welcome:{username}:resend:{resendId}",
        Type = Type,
        ConnectorId = connectorId,
        OccurredAt = now,
        Payload = JsonSerializer.SerializeToElement(new WelcomeEmailEvent(username, memberId, resendId is not null)),
    };
}
