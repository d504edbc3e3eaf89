using CoworkSync.Messaging.Counters;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Messaging.Counters;

/// <summary>The in-memory hourly counts: by UTC hour, exact under concurrency, forgotten a day after they were recorded.</summary>
public sealed class EventCountersTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 59, 30, TimeSpan.Zero);

    [Fact]
    public void Count_AddsToTheUtcHourOfNow()
    {
        var time = new FakeTimeProvider(Start);
        var counters = new EventCounters(time);

        counters.Count(EventOutcome.Accepted);
        counters.Count(EventOutcome.Accepted);
        time.Advance(TimeSpan.FromMinutes(1));
        counters.Count(EventOutcome.DeadLettered);

        Assert.Equal(
            [new HourTotals(new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero), 2, 0, 0, 0), new HourTotals(new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), 0, 0, 0, 1)],
            counters.Totals());
    }

    [Fact]
    public async Task Count_FromManyThreadsAtOnce_LosesNothing()
    {
        var counters = new EventCounters(new FakeTimeProvider(Start));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
                counters.Count(EventOutcome.Applied);
        })));

        Assert.Equal(80_000, Assert.Single(counters.Totals()).Applied);
    }

    [Fact]
    public void Unrecorded_ListsOnlyHoursCountedIntoSinceTheyWereRecorded_AndPruneForgetsOldRecordedHours()
    {
        var time = new FakeTimeProvider(Start);
        var counters = new EventCounters(time);
        counters.Count(EventOutcome.Retried);

        var first = Assert.Single(counters.Unrecorded());
        first.Hour.RecordedChanges = first.Changes;
        Assert.Empty(counters.Unrecorded());
        counters.Count(EventOutcome.Retried);
        Assert.Equal(2, Assert.Single(counters.Unrecorded()).Totals.Retried);

        time.Advance(EventCounters.Kept + TimeSpan.FromHours(1));
        counters.Prune();
        Assert.Single(counters.Totals());  // counted since it was recorded: kept until it is
        var again = Assert.Single(counters.Unrecorded());
        again.Hour.RecordedChanges = again.Changes;
        counters.Prune();
        Assert.Empty(counters.Totals());
    }

    [Fact]
    public void HourOf_IsTheStartOfTheUtcHour() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), HourTotals.HourOf(new DateTimeOffset(2026, 12, 5, 9, 45, 0, TimeSpan.FromHours(1))));
}
