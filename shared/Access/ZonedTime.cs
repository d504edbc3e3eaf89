namespace CoworkSync.Access;

/// <summary>Turns a wall-clock time at a location into an absolute time, whatever daylight saving time does to it.</summary>
internal static class ZonedTime
{
    /// <summary>
    /// The instant the clocks at the location show <paramref name="local"/>. A wall-clock time skipped by a
    /// spring-forward change maps to the change itself (the first instant after it that exists). One that occurs twice
    /// (fall-back) maps to its first occurrence after <paramref name="after"/>, or to its first occurrence at all.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, DateTimeOffset? after = null)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return ChangeSkipping(local, zone);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant.
            var candidates = zone.GetAmbiguousTimeOffsets(local).OrderDescending().Select(o => new DateTimeOffset(local, o)).ToList();
            return candidates.FirstOrDefault(c => after is null || c > after.Value, candidates[^1]);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The change that skips <paramref name="local"/>: read with the offset after the change the wall-clock time is an
    /// instant before it, read with the offset before the change an instant after it; the change lies between.
    /// </summary>
    private static DateTimeOffset ChangeSkipping(DateTime local, TimeZoneInfo zone)
    {
        var before = new DateTimeOffset(local - zone.GetUtcOffset(local.AddHours(12)), TimeSpan.Zero).UtcTicks;
        var after = new DateTimeOffset(local - zone.GetUtcOffset(local.AddHours(-12)), TimeSpan.Zero).UtcTicks;
        while (after - before > 1)
        {
            var middle = before + (after - before) / 2;
            if (TimeZoneInfo.ConvertTime(new DateTimeOffset(middle, TimeSpan.Zero), zone).DateTime >= local)
                after = middle;
            else
                before = middle;
        }
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(after, TimeSpan.Zero), zone);
    }

    /// <summary>When the day starts at the location: local midnight, or the first instant of the day if midnight is skipped.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) =>
        ToInstant(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
