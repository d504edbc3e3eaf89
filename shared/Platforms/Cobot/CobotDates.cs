using System.Globalization;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// API1's date formats: times as <c>2010/01/01 12:00:00 +0000</c>, days as <c>2010/02/01</c>. ISO 8601 is accepted
/// too, should Cobot switch. Anything else is a <see cref="CobotPayloadException"/> naming the field.
/// </summary>
public static class CobotDates
{
    private static readonly string[] TimeFormats = ["yyyy'/'MM'/'dd HH':'mm':'ss zzz", "yyyy'/'MM'/'dd HH':'mm':'ss zzzz", "yyyy'/'MM'/'dd HH':'mm':'ss"];

    public static DateTimeOffset? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        // "+0000" is not an offset .NET parses; make it "+00:00".
        if (value.Length > 5 && (value[^5] is '+' or '-') && value[^4..].All(char.IsAsciiDigit))
            value = value[..^2] + ":" + value[^2..];
        if (DateTimeOffset.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.RoundtripKind, out parsed))
            return parsed;
        throw new CobotPayloadException($"{field} is not a Cobot date and time (yyyy/MM/dd HH:mm:ss +0000).");
    }

    public static DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, ["yyyy'/'MM'/'dd", "yyyy'-'MM'-'dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        // A time where a day is expected: its own calendar day.
        if (Time(value, field) is { } time)
            return DateOnly.FromDateTime(time.DateTime);
        throw new CobotPayloadException($"{field} is not a Cobot day (yyyy/MM/dd).");
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'/'MM'/'dd HH':'mm':'ss '+0000'", CultureInfo.InvariantCulture);

    public static string FormatDay(DateOnly day) => day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
}
