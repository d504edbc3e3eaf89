namespace CoworkSync.Messaging.Counters;

/// <summary>
/// The last 24 hours' event counts, for the console's overview: every process's rows (one bounded range query), this
/// process's own hours from memory instead of its rows (fresher than the last flush).
/// </summary>
public sealed class HourlyEventCounts(EventCountStore store, EventCounters counters, TimeProvider time)
{
    public const int Hours = 24;

    /// <summary>24 hours, oldest first, the current one last; an hour without events has zero counts.</summary>
    public async Task<IReadOnlyList<HourTotals>> LastDayAsync(CancellationToken cancellationToken)
    {
        var last = HourTotals.HourOf(time.GetUtcNow());
        var first = last.AddHours(1 - Hours);
        var hours = Enumerable.Range(0, Hours).Select(i => HourTotals.Empty(first.AddHours(i))).ToDictionary(h => h.Hour);
        foreach (var (instance, totals) in await store.ReadAsync(first, last, cancellationToken))
        {
            if (instance != counters.InstanceId && hours.TryGetValue(totals.Hour, out var sum))
                hours[totals.Hour] = sum.Plus(totals);
        }
        foreach (var own in counters.Totals())
        {
            if (hours.TryGetValue(own.Hour, out var sum))
                hours[own.Hour] = sum.Plus(own);
        }
        return [.. hours.Values.OrderBy(h => h.Hour)];
    }
}
