using CoworkSync.Connectors.Cobot;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Virtual time shared by the Cobot client's rate limiter (<see cref="Limiter"/>), its waits (this
/// <see cref="ICobotDelay"/>) and the simulator (<see cref="Simulator"/>): a minute of queueing takes no time. The test
/// moves it on with <see cref="TryAdvance"/>, to the earliest wait, and only once every request the limiter let go has
/// reached the simulator: each limiter reservation reads the clock once, so reservations = arrived + waiting then.
/// That way no request reaches the simulator at a later time than the slot it was given, as on a real clock.
/// </summary>
public sealed class CobotVirtualTime : ICobotDelay
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, TaskCompletionSource Done)> _waiting = [];
    private DateTimeOffset _now;
    private long _reservations;

    public CobotVirtualTime(DateTimeOffset start)
    {
        _now = start;
        Limiter = new Clock(this, countsReads: true);
        Simulator = new Clock(this, countsReads: false);
    }

    /// <summary>The limiter's clock: it reads it once per reservation (and once per 429, which a test should not see).</summary>
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

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
            return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _waiting.Add((_now + delay, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Moves time to the earliest wait and releases every wait due then, if no request is between its reservation and
    /// the simulator (<paramref name="arrived"/>: the requests the simulator received). False when there is nothing to do yet.
    /// </summary>
    public bool TryAdvance(int arrived)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0 || _reservations != arrived + _waiting.Count)
                return false;
            var next = _waiting.Min(w => w.At);
            if (next > _now)
                _now = next;
            foreach (var due in _waiting.Where(w => w.At <= _now).ToList())
            {
                _waiting.Remove(due);
                due.Done.TrySetResult();
            }
            return true;
        }
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

    private sealed class Clock(CobotVirtualTime time, bool countsReads) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => time.Read(countsReads);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
