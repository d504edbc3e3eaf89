namespace CoworkSync.Access;

/// <summary>Whether a member may connect at a moment, and until when.</summary>
/// <param name="Allowed">The moment falls in one of the member's windows.</param>
/// <param name="WindowEnd">When the window ends, as an absolute time; null when access does not end (24/7) or is not allowed.</param>
public readonly record struct ScheduleDecision(bool Allowed, DateTimeOffset? WindowEnd)
{
    public static ScheduleDecision Denied => new(false, null);

    public static ScheduleDecision AroundTheClock => new(true, null);
}

/// <summary>Reads an <see cref="EffectiveAccess"/>'s time windows at a location's local time.</summary>
public static class AccessSchedule
{
    /// <summary>
    /// Whether <paramref name="now"/> falls in an allowed window, read in the location's local time, and when that window
    /// ends. A window that ends at midnight continues into one starting at 00:00 the next day (and so on, for up to a
    /// week; seven whole days mean no end). The end is the first instant the location's clocks show the window's end
    /// after <paramref name="now"/>: an end skipped by daylight saving time is the change itself, one that occurs twice
    /// is the occurrence that follows <paramref name="now"/>.
    /// </summary>
    public static ScheduleDecision Evaluate(EffectiveAccess access, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(zone);
        if (!access.HasAccess)
            return ScheduleDecision.Denied;
        if (access.TimeWindows is not { } map)
            return ScheduleDecision.AroundTheClock;

        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var day = local.Date;
        var current = WeeklyWindows.Of(map, day.DayOfWeek).FirstOrDefault(w => w.Contains(TimeOnly.FromTimeSpan(local.TimeOfDay)));
        if (current is null)
            return ScheduleDecision.Denied;

        for (var days = 0; current.EndsAtMidnight; days++)
        {
            if (days == 7)
                return ScheduleDecision.AroundTheClock;
            var next = WeeklyWindows.Of(map, day.AddDays(1).DayOfWeek).FirstOrDefault(w => w.Start == TimeOnly.MinValue);
            if (next is null)
                break;
            day = day.AddDays(1);
            current = next;
        }
        return new ScheduleDecision(true, ZonedTime.ToInstant(day + current.EndOffset, zone, after: now));
    }
}
