using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Support;

/// <summary>
/// A view of a <see cref="FakeTimeProvider"/> on which waiting takes no time: a one-shot timer created here (what
/// <c>Task.Delay</c> on this provider makes) records its due time, moves the fake clock on by it and fires. Give it to
/// the code whose waits a test wants to skip and record; the rest of the code keeps the fake clock itself.
/// </summary>
public sealed class WaitSkippingTimeProvider(FakeTimeProvider time) : TimeProvider
{
    private readonly List<TimeSpan> _waits = [];

    /// <summary>Every wait so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
                return [.. _waits];
        }
    }

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan || dueTime == Timeout.InfiniteTimeSpan)
            throw new NotSupportedException("Only one-shot waits can be skipped.");
        lock (_waits)
            _waits.Add(dueTime);
        time.Advance(dueTime);
        callback(state);
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
