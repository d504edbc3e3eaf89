using CoworkSync.Members.Provisioning;

namespace CoworkSync.Connectors.Seam;

/// <summary>
/// What sync runs and the operator's connector test need from a platform, whatever it is. One implementation per
/// platform; everything platform-specific stays behind it.
/// </summary>
public interface IPlatformConnector
{
    /// <summary>The <see cref="Connector.Platform"/> this implementation serves.</summary>
    string Platform { get; }

    /// <summary>The members, reporting what an operator should read in the sync run (ignored values) to <paramref name="notes"/>.</summary>
    IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, SyncNotes notes, CancellationToken cancellationToken);

    /// <summary>Platform housekeeping a sync does first (Cobot: webhook subscriptions, the custom field), reported to <paramref name="notes"/>.</summary>
    Task PrepareSyncAsync(Connector connector, SyncNotes notes, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The platform has no member version of its own: <see cref="PlatformMember.UpdatedAt"/> is when the state was read
    /// (see <see cref="ReconcileRequest.VersionIsReadTime"/>).
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
