using CoworkSync.Platforms.Cobot;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Virtual time shared by the Cobot client's rate limiter (<see cref="Limiter"/>: its clock, and the timers its waits
/// run on) and the simulator (<see cref="Simulator"/>): a minute of queueing takes no time. The test moves it on with
/// <see cref="TryAdvance"/>, to the earliest wait, and only once every request the limiter let go has reached the
/// simulator: each <see cref="CobotRateLimiter"/> reservation reads the clock once, so reservations = arrived + waiting
/// then. That way no request reaches the simulator at a later time than the slot it was given, as on a real clock.
/// </summary>
public sealed class CobotVirtualTime
{
    private readonly Lock _lock = new();
    private readonly List<Wait> _waiting = [];
    private DateTimeOffset _now;
    private long _reservations;

    public CobotVirtualTime(DateTimeOffset start)
    {
        _now = start;
        Limiter = new Clock(this, countsReads: true);
        Simulator = new Clock(this, countsReads: false);
    }

    /// <summary>
    /// The limiter's clock: it reads it once per reservation (and once per 429, which a test should not see), and
    /// waits for a slot with a timer of this clock, which fires when <see cref="TryAdvance"/> reaches it.
    /// </summary>
    public TimeProvider Limiter { get; }

    public TimeProvider Simulator { get; }

    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
                return _now;
        }
    }

    /// <summary>
    /// Moves time to the earliest wait and releases every wait due then, if no request is between its reservation and
    /// the simulator (<paramref name="arrived"/>: the requests the simulator received). False when there is nothing to do yet.
    /// </summary>
    public bool TryAdvance(int arrived)
    {
        List<Wait> due;
        lock (_lock)
        {
            if (_waiting.Count == 0 || _reservations != arrived + _waiting.Count)
                return false;
            var next = _waiting.Min(w => w.At);
            if (next > _now)
                _now = next;
            due = _waiting.Where(w => w.At <= _now).ToList();
            foreach (var wait in due)
                _waiting.Remove(wait);
        }
        // Outside the lock: what a released wait runs next may read the clock.
        foreach (var wait in due)
            wait.Fire();
        return true;
    }

    private DateTimeOffset Read(bool counts)
    {
        lock (_lock)
        {
            if (counts)
                _reservations++;
            return _now;
        }
    }

    private Wait Start(TimerCallback callback, object? state, TimeSpan dueTime)
    {
        lock (_lock)
        {
            var wait = new Wait(this, _now + dueTime, callback, state);
            _waiting.Add(wait);
            return wait;
        }
    }

    private void Cancel(Wait wait)
    {
        lock (_lock)
            _waiting.Remove(wait);
    }

    private sealed class Clock(CobotVirtualTime time, bool countsReads) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => time.Read(countsReads);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        /// <summary>A one-shot timer (what <c>Task.Delay</c> on this clock makes) that fires when virtual time reaches it.</summary>
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan || dueTime == Timeout.InfiniteTimeSpan)
                throw new NotSupportedException("The virtual clock only runs one-shot waits.");
            return time.Start(callback, state, dueTime);
        }
    }

    /// <summary>One wait for a slot; disposing it (a cancelled wait) takes it out of the waiting.</summary>
    private sealed class Wait(CobotVirtualTime time, DateTimeOffset at, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset At { get; } = at;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => time.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
