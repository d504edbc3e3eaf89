using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>Works out an account's usage in its current billing cycle the way RADIUS authorize counts it.</summary>
public sealed class UsageReport(UsageLedger usage, ConnectorCache connectors, AccessGroupStore groups, TimeProvider time)
{
    public async Task<UsageSummary> ForAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        var cycle = AccountCycle.Containing(account, now, RadiusLocations.MemberZone(connector, account));
        var used = await usage.GetFreshAsync(account.Username, cycle.Key, cancellationToken);
        var access = AccessGroupMerger.Merge(await groups.ResolveAsync(account.Groups, cancellationToken));
        var remaining = AccountCycle.RemainingSeconds(access, used) is { } left ? Math.Max(0, left) : (long?)null;
        return new UsageSummary(cycle.Start, cycle.End, used.UsedSeconds, access.HoursPerCycle, remaining, used.OpenSessions(now, access.AcctInterimIntervalSeconds));
    }
}
