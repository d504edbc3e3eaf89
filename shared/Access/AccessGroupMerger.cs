namespace CoworkSync.Access;

/// <summary>
/// Merges a member's groups into one <see cref="EffectiveAccess"/>, in two steps.
/// <para>
/// First the most generous value of each parameter across the granting groups — every group that does not cap others,
/// or, when all of the member's groups cap (e.g. trial alone), all of them: hours per cycle, session cap, bandwidth and
/// concurrent sessions take the largest (null, meaning unlimited, beats any number); time windows are the union per
/// weekday (null, around the clock, beats any map). Across all groups, capping ones included, the accounting interval
/// takes the smallest, because more frequent interim updates are always safe and keep usage accurate for the strictest
/// group; VLAN and each extra reply attribute come from the highest-priority group that sets them (ties: the smaller
/// group id).
/// </para>
/// <para>
/// Then every capping group (<see cref="AccessGroup.CapsOthers"/>, e.g. trial) limits the result: hours, session cap,
/// bandwidth and concurrent sessions take the smaller value (null imposes no cap), windows the intersection. So a
/// member gets at most the capping group's values, and a capping group never raises what the member's other groups
/// give (a trial with more bandwidth than the plan leaves the plan's bandwidth).
/// </para>
/// No group means no access (<see cref="EffectiveAccess.None"/>).
/// </summary>
public static class AccessGroupMerger
{
    public static EffectiveAccess Merge(IReadOnlyCollection<AccessGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
            return EffectiveAccess.None;

        var ordered = groups.OrderByDescending(g => g.Priority).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in ordered)
        {
            foreach (var (name, value) in group.ExtraReplyAttributes)
                extra.TryAdd(name, value);
        }

        var granting = ordered.Where(g => !g.CapsOthers).ToList() is { Count: > 0 } others ? others : ordered;
        var merged = new EffectiveAccess
        {
            HasAccess = true,
            GroupIds = ordered.Select(g => g.Id).Distinct(StringComparer.Ordinal).ToList(),
            HoursPerCycle = MostGenerous(granting.Select(g => g.HoursPerCycle)),
            TimeWindows = WeeklyWindows.Union(granting.Select(g => g.TimeWindows)),
            SessionTimeoutCapSeconds = MostGenerous(granting.Select(g => g.SessionTimeoutCapSeconds)),
            AcctInterimIntervalSeconds = ordered.Min(g => g.AcctInterimIntervalSeconds),
            BandwidthDownKbps = MostGenerous(granting.Select(g => g.BandwidthDownKbps)),
            BandwidthUpKbps = MostGenerous(granting.Select(g => g.BandwidthUpKbps)),
            VlanId = ordered.FirstOrDefault(g => g.VlanId is not null)?.VlanId,
            MaxConcurrentSessions = MostGenerous(granting.Select(g => g.MaxConcurrentSessions)),
            ExtraReplyAttributes = extra,
        };

        foreach (var cap in ordered.Where(g => g.CapsOthers))
        {
            merged = merged with
            {
                HoursPerCycle = AtMost(merged.HoursPerCycle, cap.HoursPerCycle),
                TimeWindows = WeeklyWindows.Intersect(merged.TimeWindows, cap.TimeWindows),
                SessionTimeoutCapSeconds = AtMost(merged.SessionTimeoutCapSeconds, cap.SessionTimeoutCapSeconds),
                BandwidthDownKbps = AtMost(merged.BandwidthDownKbps, cap.BandwidthDownKbps),
                BandwidthUpKbps = AtMost(merged.BandwidthUpKbps, cap.BandwidthUpKbps),
                MaxConcurrentSessions = AtMost(merged.MaxConcurrentSessions, cap.MaxConcurrentSessions),
            };
        }
        return merged;
    }

    /// <summary>Null (unlimited) if any value is null, else the largest.</summary>
    private static T? MostGenerous<T>(IEnumerable<T?> values) where T : struct, IComparable<T>
    {
        T? best = null;
        foreach (var value in values)
        {
            if (value is null)
                return null;
            if (best is null || value.Value.CompareTo(best.Value) > 0)
                best = value;
        }
        return best;
    }

    /// <summary>The smaller of the two, null meaning unlimited.</summary>
    private static T? AtMost<T>(T? value, T? cap) where T : struct, IComparable<T> =>
        cap is null ? value
        : value is null ? cap
        : value.Value.CompareTo(cap.Value) <= 0 ? value : cap;
}
