using System.Collections.Concurrent;

namespace CoworkSync.Messaging.Counters;

/// <summary>
/// This process's event counts per UTC hour, in memory. <see cref="Count"/> is what the hot paths call (webhook intake,
/// the processor's outcomes): a clock read and an interlocked add, no I/O. <see cref="EventCountRecorder"/> writes the
/// totals to table storage every 30 s; the hours stay here for a day after, so the totals keep growing from where they were.
/// </summary>
public sealed class EventCounters(TimeProvider time)
{
    /// <summary>How long an hour's counts stay in memory once they are recorded.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(26);

    private readonly ConcurrentDictionary<long, HourCounts> _hours = new();
    private volatile HourCounts? _current;

    /// <summary>This process's own id, a part of its rows' keys: no other process writes them.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..16];

    public void Count(EventOutcome outcome)
    {
        var hour = HourTotals.HourOf(time.GetUtcNow()).UtcTicks;
        var counts = _current;
        if (counts is null || counts.HourTicks != hour)
            _current = counts = _hours.GetOrAdd(hour, ticks => new HourCounts(ticks));
        counts.Add(outcome);
    }

    /// <summary>This process's totals of every hour it keeps, oldest first.</summary>
    public IReadOnlyList<HourTotals> Totals() => [.. _hours.Values.OrderBy(h => h.HourTicks).Select(h => h.Totals())];

    /// <summary>The hours counted into since they were last recorded, each with the change count its totals include.</summary>
    internal IReadOnlyList<(HourCounts Hour, long Changes, HourTotals Totals)> Unrecorded() =>
        [.. _hours.Values.Select(h => (Hour: h, Changes: h.Changes)).Where(h => h.Changes != h.Hour.RecordedChanges).Select(h => (h.Hour, h.Changes, h.Hour.Totals()))];

    /// <summary>Forgets the hours recorded and older than <see cref="Kept"/>.</summary>
    internal void Prune()
    {
        var oldest = (time.GetUtcNow() - Kept).UtcTicks;
        foreach (var (ticks, counts) in _hours)
        {
            if (ticks < oldest && counts.Changes == counts.RecordedChanges)
                _hours.TryRemove(ticks, out _);
        }
    }

    /// <summary>One hour's counts. The change count is read before the totals, so totals recorded never miss a counted change.</summary>
    internal sealed class HourCounts(long hourTicks)
    {
        private readonly long[] _counts = new long[4];
        private long _changes;

        public long HourTicks { get; } = hourTicks;

        public long Changes => Interlocked.Read(ref _changes);

        /// <summary>The change count of the totals last recorded.</summary>
        public long RecordedChanges { get; set; }

        public void Add(EventOutcome outcome)
        {
            Interlocked.Increment(ref _counts[(int)outcome]);
            Interlocked.Increment(ref _changes);
        }

        public HourTotals Totals() => new(new DateTimeOffset(HourTicks, TimeSpan.Zero),
            Interlocked.Read(ref _counts[0]), Interlocked.Read(ref _counts[1]), Interlocked.Read(ref _counts[2]), Interlocked.Read(ref _counts[3]));
    }
}
