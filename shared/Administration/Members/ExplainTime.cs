using System.Globalization;
using CoworkSync.Access;

namespace CoworkSync.Administration.Members;

/// <summary>
/// The moment "why can't they connect?" decides for, as people and scripts write it: an instant with its offset, or a
/// local date and time at the access point's location (what the console's date and time field sends).
/// </summary>
public static class ExplainTime
{
    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The reason a text that is not a moment is refused.</summary>
    public const string Expected = "must be a date and time such as 2026-11-23T14:30 (at the access point's location) or 2026-11-23T13:30:00Z";

    /// <summary>
    /// The instant <paramref name="text"/> names: <paramref name="now"/> when empty; an instant as written when it has an
    /// offset; else the wall-clock time in <paramref name="zone"/> (a time skipped by daylight saving time is the change
    /// itself, one that occurs twice its first occurrence). False when it is neither.
    /// </summary>
    public static bool TryResolve(string? text, TimeZoneInfo zone, DateTimeOffset now, out DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(zone);
        at = now;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var trimmed = text.Trim();
        if (trimmed.Length > 40)
            return false;
        if (DateTimeOffset.TryParseExact(trimmed, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant;
            return true;
        }
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = ZonedTime.ToInstant(local, zone);
            return true;
        }
        return false;
    }
}
