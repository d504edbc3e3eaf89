namespace CoworkSync.Connectors.Seam;

/// <summary>The platform's members and plans, as sync runs and the operator's connector test need them.</summary>
public interface IPlatformMembers
{
    /// <summary>The members, reporting what an operator should read in the sync run (ignored values) to <paramref name="notes"/>.</summary>
    /// <exception cref="PlatformException">The platform failed or refused.</exception>
    /// <exception cref="MissingCredentialsException">The connector has no credentials yet.</exception>
    IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, SyncNotes notes, CancellationToken cancellationToken);

    /// <summary>Platform housekeeping a sync does first (webhook subscriptions, a custom field), reported to <paramref name="notes"/>.</summary>
    Task PrepareSyncAsync(Connector connector, SyncNotes notes, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The platform has no member version of its own: <see cref="PlatformMember.UpdatedAt"/> is when the state was read,
    /// so a state equal to the stored one keeps the stored version.
    /// </summary>
    bool VersionIsReadTime => false;

    /// <summary>
    /// The platform's members name no location: every member is at the connector's first location, so there are no
    /// member locations to check.
    /// </summary>
    bool MembersAtFirstLocation => false;

    /// <summary>
    /// Is the platform reachable with this connector's credentials? Reads the plans (every plan a member can be on) to
    /// find out. Never throws for a platform failure, and records nothing.
    /// </summary>
    Task<PlatformCheck> CheckAsync(Connector connector, CancellationToken cancellationToken);
}

/// <param name="Ok">The platform answered and accepted the credentials.</param>
/// <param name="Message">What an operator needs to know, without secrets.</param>
/// <param name="Plans">The plans the check read; empty when it failed.</param>
public sealed record PlatformCheck(bool Ok, string Message, IReadOnlyList<PlatformPlan> Plans)
{
    public static PlatformCheck Failed(string message) => new(false, message, []);
}
