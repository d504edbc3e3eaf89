using System.Globalization;

namespace CoworkSync.Access;

/// <summary>
/// A daily window of access in the location's local (wall-clock) time, from <see cref="Start"/> (inclusive) to
/// <see cref="End"/> (exclusive). <see cref="End"/> = 00:00 (<see cref="TimeOnly.MinValue"/>) means the end of the day,
/// written <c>24:00</c>: 18:00–24:00 is the evening until midnight, 00:00–24:00 the whole day. Otherwise
/// <see cref="Start"/> must be before <see cref="End"/>. A window never crosses midnight: 22:00–02:00 is Monday
/// 22:00–24:00 plus Tuesday 00:00–02:00, and <see cref="AccessSchedule"/> joins the two.
/// </summary>
public sealed record TimeWindow
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public TimeWindow(TimeOnly start, TimeOnly end)
    {
        if (!IsValid(start, end))
            throw new ArgumentException($"A time window must start before it ends (an end of 00:00 means midnight); got {Format(start)}–{Format(end)}.", nameof(end));
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    /// <summary>Exclusive; <see cref="TimeOnly.MinValue"/> means midnight at the end of the day (24:00).</summary>
    public TimeOnly End { get; }

    public static TimeWindow WholeDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool EndsAtMidnight => End == TimeOnly.MinValue;

    public TimeSpan Duration => EndOffset - StartOffset;

    /// <summary>Time since midnight at the start.</summary>
    internal TimeSpan StartOffset => Start.ToTimeSpan();

    /// <summary>Time since midnight at the end: 24 h for a window that ends at midnight.</summary>
    internal TimeSpan EndOffset => EndsAtMidnight ? Day : End.ToTimeSpan();

    public static bool IsValid(TimeOnly start, TimeOnly end) => end == TimeOnly.MinValue || start < end;

    public bool Contains(TimeOnly time) => time >= Start && (EndsAtMidnight || time < End);

    public void Deconstruct(out TimeOnly start, out TimeOnly end) => (start, end) = (Start, End);

    /// <summary><c>HH:mm–HH:mm</c>, the end of the day written <c>24:00</c>.</summary>
    public override string ToString() => $"{TimeWindowText.FormatStart(Start)}–{TimeWindowText.FormatEnd(End)}";

    internal static TimeWindow FromOffsets(TimeSpan start, TimeSpan end) =>
        new(TimeOnly.FromTimeSpan(start), end >= Day ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(end));

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
