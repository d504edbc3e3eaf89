namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// The system clock moved by an offset the test sets: the app sees the date the test wants (a new billing cycle,
/// the evening outside a time window) while timers and delays keep running in real time, so queues still flow.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Makes "now" the given instant.</summary>
    public void SetNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
