using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// Someone asked the portal for a sign-in link for an address. Handled off the request path, so the page answers the
/// same, in the same time, whether or not the address is a member's; a failed send is retried by the failure policy.
/// </summary>
public sealed record SignInLinkRequestedEvent([property: JsonPropertyName("email")] string Email)
{
    public const string Type = "portal.sign-in-link";

    /// <summary>No connector: the address may belong to members of several, or of none.</summary>
    public const string NoConnector = "portal";

    public static EventEnvelope Envelope(string email, DateTimeOffset now) => new()
    {
        Id = "sign-in-link:" + Guid.NewGuid().ToString("N"),
        Type = Type,
        ConnectorId = NoConnector,
        OccurredAt = now,
        Payload = JsonSerializer.SerializeToElement(new SignInLinkRequestedEvent(email)),
    };
}
