using CoworkSync.Access;
using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Console.AccessGroups;

/// <summary>
/// One weekday's windows as the access group form writes them: <c>09:00-18:00, 19:00-21:00</c> (a dash or an en dash
/// between start and end, commas between windows); empty means no access that day. Only the text's shape is read here:
/// whether a time is a time, and a window's start before its end, are <see cref="AccessGroupInput"/>'s rules.
/// </summary>
public static class ScheduleText
{
    private static readonly char[] Dashes = ['-', '–'];

    /// <summary>The windows written in <paramref name="text"/>, or why the text is not a list of windows.</summary>
    /// <param name="text">What the person wrote for one weekday.</param>
    /// <param name="field">The field path errors name, e.g. <c>timeWindows.monday</c>.</param>
    public static (List<TimeWindowJson?> Windows, IReadOnlyList<ValidationError> Errors) Parse(string? text, string field)
    {
        var windows = new List<TimeWindowJson?>();
        var errors = new List<ValidationError>();
        foreach (var piece in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = piece.Split(Dashes, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                errors.Add(new(field, $"has '{piece}', which is not a window: write start-end, e.g. 09:00-18:00, windows separated by commas"));
            else
                windows.Add(new TimeWindowJson(parts[0], parts[1]));
        }
        return (windows, errors);
    }

    /// <summary>Windows as <see cref="Parse"/> reads them back: <c>09:00-18:00, 19:00-21:00</c>.</summary>
    public static string Format(IEnumerable<TimeWindowJson> windows) => string.Join(", ", windows.Select(w => $"{w.Start}-{w.End}"));
}
