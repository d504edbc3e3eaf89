using System.Globalization;

namespace CoworkSync.Access;

/// <summary>
/// A member's billing cycle: from the start of <see cref="StartDate"/> at the location (inclusive) to the start of the
/// next cycle's date (exclusive). Cycles start on the anchor's day of the month; an anchor on the 29th–31st starts on
/// the last day of a shorter month (an anchor on the 31st gives Jan 31, Feb 28 or 29, Mar 31, Apr 30, …).
/// </summary>
/// <param name="Start">Local midnight of <see cref="StartDate"/>, as an absolute time.</param>
/// <param name="End">Local midnight of the next cycle's first day, as an absolute time; the next cycle's <see cref="Start"/>.</param>
/// <param name="StartDate">The cycle's first day at the location.</param>
public sealed record BillingCycle(DateTimeOffset Start, DateTimeOffset End, DateOnly StartDate)
{
    /// <summary>Identifies the cycle in storage: its first day at the location, <c>yyyy-MM-dd</c> (e.g. <c>2026-11-01</c>).</summary>
    public string Key => StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Real elapsed time, so one hour shorter or longer across a daylight saving time change.</summary>
    public TimeSpan Length => End - Start;

    public void Deconstruct(out DateTimeOffset start, out DateTimeOffset end) => (start, end) = (Start, End);

    /// <summary>
    /// The cycle that contains <paramref name="now"/> for a membership anchored on <paramref name="anchor"/> at a location in
    /// <paramref name="zone"/>.
    /// <para>
    /// Days start at local midnight; where a daylight saving change skips midnight the day starts at the change, where
    /// midnight occurs twice it starts at the first one. Before the anchor the same rule runs backwards: the cycle
    /// containing such a time is the one that ends where the member's first cycle (the anchor's) starts, so usage before
    /// the membership began never counts against the first cycle.
    /// </para>
    /// </summary>
    public static BillingCycle Containing(DateOnly anchor, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        var startDate = StartDateIn(month, anchor.Day);
        if (now < ZonedTime.StartOfDay(startDate, zone))
        {
            month = month.AddMonths(-1);
            startDate = StartDateIn(month, anchor.Day);
        }
        var nextStartDate = StartDateIn(month.AddMonths(1), anchor.Day);
        return new BillingCycle(ZonedTime.StartOfDay(startDate, zone), ZonedTime.StartOfDay(nextStartDate, zone), startDate);
    }

    /// <summary>The day a cycle starts in the month of <paramref name="month"/>: the anchor day, or the month's last day if it is shorter.</summary>
    public static DateOnly StartDateIn(DateOnly month, int anchorDay) =>
        new(month.Year, month.Month, Math.Min(anchorDay, DateTime.DaysInMonth(month.Year, month.Month)));
}
