namespace CoworkSync.Access;

/// <summary>
/// Set operations on time windows, per day and per week. A week map of null means around the clock; a weekday
/// missing from a map means no access that day. Results are normalized: sorted, no overlaps, touching windows joined.
/// </summary>
internal static class WeeklyWindows
{
    public static IReadOnlyList<TimeWindow> Normalize(IEnumerable<TimeWindow> windows)
    {
        var result = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var window in windows.OrderBy(w => w.StartOffset))
        {
            if (result.Count > 0 && window.StartOffset <= result[^1].End)
                result[^1] = (result[^1].Start, window.EndOffset > result[^1].End ? window.EndOffset : result[^1].End);
            else
                result.Add((window.StartOffset, window.EndOffset));
        }
        return result.Select(w => TimeWindow.FromOffsets(w.Start, w.End)).ToList();
    }

    public static IReadOnlyList<TimeWindow> Intersect(IReadOnlyList<TimeWindow> left, IReadOnlyList<TimeWindow> right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        var result = new List<TimeWindow>();
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            var start = a[i].StartOffset > b[j].StartOffset ? a[i].StartOffset : b[j].StartOffset;
            var end = a[i].EndOffset < b[j].EndOffset ? a[i].EndOffset : b[j].EndOffset;
            if (start < end)
                result.Add(TimeWindow.FromOffsets(start, end));
            if (a[i].EndOffset < b[j].EndOffset)
                i++;
            else
                j++;
        }
        return result;
    }

    /// <summary>Every window of any map; null (around the clock) wins.</summary>
    public static IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? Union(IEnumerable<IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>?> maps)
    {
        var all = maps.ToList();
        if (all.Any(m => m is null))
            return null;
        return Weekdays.MondayFirst
            .Select(day => (day, windows: Normalize(all.SelectMany(m => m!.TryGetValue(day, out var w) ? w : []))))
            .Where(d => d.windows.Count > 0)
            .ToDictionary(d => d.day, d => d.windows);
    }

    /// <summary>Only the times in both maps; null (around the clock) leaves the other map as it is.</summary>
    public static IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? Intersect(
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? left, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? right)
    {
        if (left is null)
            return right is null ? null : Union([right]);
        if (right is null)
            return Union([left]);
        return Weekdays.MondayFirst
            .Select(day => (day, windows: left.TryGetValue(day, out var l) && right.TryGetValue(day, out var r) ? Intersect(l, r) : []))
            .Where(d => d.windows.Count > 0)
            .ToDictionary(d => d.day, d => d.windows);
    }

    /// <summary>The normalized windows of one weekday; none when the day is missing.</summary>
    public static IReadOnlyList<TimeWindow> Of(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>> map, DayOfWeek day) =>
        map.TryGetValue(day, out var windows) ? Normalize(windows) : [];
}
