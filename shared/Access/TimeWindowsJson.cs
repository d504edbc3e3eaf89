using System.Text.Json.Serialization;

namespace CoworkSync.Access;

/// <summary>One window as JSON: <c>{"start":"08:00","end":"20:00"}</c>; an end of <c>24:00</c> (or <c>00:00</c>) is midnight.</summary>
public sealed record TimeWindowJson(
    [property: JsonPropertyName("start")] string? Start,
    [property: JsonPropertyName("end")] string? End);

/// <summary>
/// Time windows as the admin API and storage write them:
/// <c>{"monday":[{"start":"08:00","end":"20:00"}],…}</c>, weekdays Monday first; null means around the clock.
/// </summary>
public static class TimeWindowsJson
{
    public static Dictionary<string, List<TimeWindowJson>>? From(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? windows) =>
        windows is null
            ? null
            : Weekdays.MondayFirst.Where(windows.ContainsKey).ToDictionary(
                Weekdays.Name,
                day => windows[day].Select(w => new TimeWindowJson(TimeWindowText.FormatStart(w.Start), TimeWindowText.FormatEnd(w.End))).ToList());

    /// <summary>Reads windows written by <see cref="From"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? To(Dictionary<string, List<TimeWindowJson>>? json)
    {
        if (json is null)
            return null;
        var windows = new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>();
        foreach (var (name, list) in json)
        {
            if (!Weekdays.TryParse(name, out var day) || windows.ContainsKey(day))
                throw new FormatException($"'{name}' is not a weekday, or is one given twice.");
            windows[day] = (list ?? []).Select(Parse).ToList();
        }
        return windows;
    }

    /// <summary>A window whose start and end have been validated; throws <see cref="FormatException"/> otherwise.</summary>
    internal static TimeWindow Parse(TimeWindowJson? window)
    {
        if (window is null || !TimeWindowText.TryParseStart(window.Start, out var start) || !TimeWindowText.TryParseEnd(window.End, out var end)
            || !TimeWindow.IsValid(start, end))
            throw new FormatException($"'{window?.Start}'–'{window?.End}' is not a time window.");
        return new TimeWindow(start, end);
    }
}
