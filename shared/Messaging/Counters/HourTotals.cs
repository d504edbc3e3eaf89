namespace CoworkSync.Messaging.Counters;

/// <summary>How many events had each outcome in one UTC hour.</summary>
/// <param name="Hour">The hour's start (UTC).</param>
/// <param name="Accepted">Webhooks accepted.</param>
/// <param name="Applied">Events applied.</param>
/// <param name="Retried">Retries scheduled.</param>
/// <param name="DeadLettered">Events dead-lettered.</param>
public sealed record HourTotals(DateTimeOffset Hour, long Accepted, long Applied, long Retried, long DeadLettered)
{
    public static HourTotals Empty(DateTimeOffset hour) => new(hour, 0, 0, 0, 0);

    public long Total => Accepted + Applied + Retried + DeadLettered;

    public long Of(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Accepted => Accepted,
        EventOutcome.Applied => Applied,
        EventOutcome.Retried => Retried,
        _ => DeadLettered,
    };

    public HourTotals Plus(HourTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Accepted = Accepted + other.Accepted,
            Applied = Applied + other.Applied,
            Retried = Retried + other.Retried,
            DeadLettered = DeadLettered + other.DeadLettered,
        };
    }

    /// <summary>The start of the UTC hour <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
}
