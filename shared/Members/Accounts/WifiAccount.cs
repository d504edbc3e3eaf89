using Azure;

namespace CoworkSync.Members.Accounts;

/// <summary>A WiFi account: what RADIUS looks up by user name. The password is stored encrypted, never in clear.</summary>
public sealed record WifiAccount
{
    /// <summary>Unique in the deployment; lowercase.</summary>
    public required string Username { get; init; }

    public required string ConnectorId { get; init; }

    public required string MemberId { get; init; }

    public required string ProtectedPassword { get; init; }

    public bool Enabled { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string? LocationId { get; init; }

    public DateOnly? BillingCycleAnchor { get; init; }

    /// <summary>Why the account is disabled; null while enabled.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>
    /// The platform version of the member state this account was last set from. A reconcile of an older state never
    /// writes the account, even when it read the member before a newer state was saved.
    /// </summary>
    public DateTimeOffset StateVersion { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the welcome email was put on the queue; it is queued once, and resent only on request.</summary>
    public DateTimeOffset? WelcomeEmailQueuedAt { get; init; }

    public DateTimeOffset? WelcomeEmailSentAt { get; init; }

    public ETag ETag { get; init; }

    public bool BelongsTo(string connectorId, string memberId) =>
        string.Equals(ConnectorId, connectorId, StringComparison.Ordinal) && string.Equals(MemberId, memberId, StringComparison.Ordinal);
}
