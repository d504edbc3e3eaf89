using System.Globalization;

namespace CoworkSync.Access;

/// <summary>
/// Times of day as the admin API and storage write them: <c>HH:mm</c> on a 24-hour clock. An end may also be
/// <c>24:00</c> (midnight at the end of the day, the same as <c>00:00</c>); ends are always written <c>24:00</c>.
/// </summary>
public static class TimeWindowText
{
    public const string Midnight = "24:00";

    public static string FormatStart(TimeOnly start) => start.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string FormatEnd(TimeOnly end) => end == TimeOnly.MinValue ? Midnight : FormatStart(end);

    public static bool TryParseStart(string? text, out TimeOnly start) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    public static bool TryParseEnd(string? text, out TimeOnly end)
    {
        if (text == Midnight)
        {
            end = TimeOnly.MinValue;
            return true;
        }
        return TryParseStart(text, out end);
    }
}
