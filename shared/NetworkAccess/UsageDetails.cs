using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// An account's current billing cycle as its member sees it: what <see cref="UsageReport"/> counts (the same rules:
/// the cycle in the member's zone, the allowance of the merged groups, the fresh open sessions) and the cycle's
/// sessions themselves, newest first. Reads what the admin view reads: the connector and the groups (cached) and the
/// cycle's usage row (one point read, with this instance's reports not written yet on top: <see cref="UsageLedger.GetFreshAsync"/>).
/// </summary>
public sealed class UsageDetails(UsageLedger usage, ConnectorCache connectors, AccessGroupStore groups, TimeProvider time)
{
    public async Task<AccountUsage> ForAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        var zone = RadiusLocations.MemberZone(connector, account);
        var cycle = AccountCycle.Containing(account, now, zone);
        var used = await usage.GetFreshAsync(account.Username, cycle.Key, cancellationToken);
        var access = AccessGroupMerger.Merge(await groups.ResolveAsync(account.Groups, cancellationToken));
        var remaining = AccountCycle.RemainingSeconds(access, used) is { } left ? Math.Max(0, left) : (long?)null;
        var online = used.OpenSessions(now, access.AcctInterimIntervalSeconds);
        var summary = new UsageSummary(cycle.Start, cycle.End, used.UsedSeconds, access.HoursPerCycle, remaining, online);
        return new AccountUsage(summary, access, zone, PastSessions(used, now, access.AcctInterimIntervalSeconds));
    }

    /// <summary>
    /// The cycle's sessions, newest first. A session's start is when its last report came minus the seconds it
    /// reported (<c>Acct-Session-Time</c> counts from the session's start); it is online while open and heard from within
    /// the window <see cref="CycleUsage.OpenSessions"/> uses.
    /// </summary>
    public static IReadOnlyList<PastSession> PastSessions(CycleUsage used, DateTimeOffset now, int acctInterimIntervalSeconds)
    {
        ArgumentNullException.ThrowIfNull(used);
        var freshSince = now - TimeSpan.FromSeconds((2 * acctInterimIntervalSeconds) + 60);
        return [.. used.Sessions.Values
            .Select(s => new PastSession(s.UpdatedAt - TimeSpan.FromSeconds(s.Seconds), TimeSpan.FromSeconds(s.Seconds), s.Nas, s.Open && s.UpdatedAt >= freshSince))
            .OrderByDescending(s => s.StartedAt)];
    }
}

/// <param name="Summary">The cycle, the hours used and left, the devices online.</param>
/// <param name="Access">The merged access of the account's groups (allowance, time windows, device limit).</param>
/// <param name="Zone">The zone the member's cycle and days follow.</param>
/// <param name="Sessions">The cycle's sessions, newest first.</param>
public sealed record AccountUsage(UsageSummary Summary, EffectiveAccess Access, TimeZoneInfo Zone, IReadOnlyList<PastSession> Sessions);

/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it lasted, or has lasted so far.</param>
/// <param name="AccessPoint">The NAS it was on, as reported; null when no report named it.</param>
/// <param name="Online">Still open and heard from recently.</param>
public sealed record PastSession(DateTimeOffset StartedAt, TimeSpan Duration, string? AccessPoint, bool Online);
