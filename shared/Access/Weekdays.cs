namespace CoworkSync.Access;

/// <summary>Weekday names as the admin API and storage write them: <c>monday</c> … <c>sunday</c>.</summary>
public static class Weekdays
{
    /// <summary>Monday first, as people read a week.</summary>
    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<DayOfWeek> MondayToFriday { get; } = MondayFirst.Take(5).ToList();

    public static string Name(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "monday",
        DayOfWeek.Tuesday => "tuesday",
        DayOfWeek.Wednesday => "wednesday",
        DayOfWeek.Thursday => "thursday",
        DayOfWeek.Friday => "friday",
        DayOfWeek.Saturday => "saturday",
        DayOfWeek.Sunday => "sunday",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a weekday."),
    };

    /// <summary>Reads a weekday name, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? name, out DayOfWeek day)
    {
        foreach (var candidate in MondayFirst)
        {
            if (string.Equals(name?.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }
        day = default;
        return false;
    }
}
