using System.Text;
using CoworkSync.Access;

namespace CoworkSync.MemberPortal.Accounts;

/// <summary>
/// When an account may connect, in plain words: days in a row with the same windows are joined
/// (<c>Monday to Friday 08:00–20:00</c>); null when it may connect at any time.
/// </summary>
public static class AllowedHoursText
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string? For(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? windows)
    {
        if (windows is null || Week.All(day => windows.GetValueOrDefault(day) is [{ Start.Ticks: 0, EndsAtMidnight: true }]))
            return null;
        var text = new StringBuilder();
        for (var i = 0; i < Week.Length;)
        {
            var day = Windows(windows, Week[i]);
            var last = i;
            while (last + 1 < Week.Length && Windows(windows, Week[last + 1]) == day)
                last++;
            if (day.Length > 0)
            {
                if (text.Length > 0)
                    text.Append("; ");
                text.Append(Week[i]);
                if (last > i)
                    text.Append(last == i + 1 ? " and " : " to ").Append(Week[last]);
                text.Append(' ').Append(day);
            }
            i = last + 1;
        }
        return text.Length == 0 ? "never" : text.ToString();
    }

    private static string Windows(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>> windows, DayOfWeek day) =>
        string.Join(", ", (windows.GetValueOrDefault(day) ?? []).Select(w => $"{TimeWindowText.FormatStart(w.Start)}–{TimeWindowText.FormatEnd(w.End)}"));
}
