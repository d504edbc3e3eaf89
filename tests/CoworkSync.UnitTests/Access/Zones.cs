namespace CoworkSync.UnitTests.Access;

/// <summary>The IANA zones the access tests read clocks in.</summary>
internal static class Zones
{
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static TimeZoneInfo Auckland { get; } = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
    public static TimeZoneInfo Kolkata { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    /// <summary>Spring forward at midnight: Sunday 2026-09-06 starts at 01:00 (−03).</summary>
    public static TimeZoneInfo Santiago { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    /// <summary>Fall back from 01:00 to midnight: midnight on Sunday 2026-11-01 occurs twice.</summary>
    public static TimeZoneInfo Havana { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

    public static TimeZoneInfo ById(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>A wall-clock time that exists once at the location, as an absolute time.</summary>
    public static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour = 0, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
