using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Provisioning;

namespace CoworkSync.Radius;

/// <summary>Works out an account's usage in its current billing cycle the way RADIUS authorize counts it.</summary>
public sealed class UsageReport(UsageStore usage, ConnectorCache connectors, AccessGroupStore groups, TimeProvider time)
{
    public async Task<UsageSummary> ForAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        var home = connector?.Locations.FirstOrDefault(l => l.Id == account.LocationId) ?? connector?.Locations.FirstOrDefault();
        var zone = home is null ? TimeZoneInfo.Utc : RadiusLocations.Zone(home);
        var cycle = BillingCycle.Containing(account.BillingCycleAnchor ?? new DateOnly(now.Year, now.Month, 1), now, zone);
        var used = await usage.GetAsync(account.Username, cycle.Key, cancellationToken);
        var access = AccessGroupMerger.Merge(await groups.ResolveAsync(account.Groups, cancellationToken));
        long? remaining = access.HoursPerCycle is { } hours ? Math.Max(0, (long)(hours * 3600) - used.UsedSeconds) : null;
        return new UsageSummary(cycle.Start, cycle.End, used.UsedSeconds, access.HoursPerCycle, remaining, used.OpenSessions(now, access.AcctInterimIntervalSeconds));
    }
}
