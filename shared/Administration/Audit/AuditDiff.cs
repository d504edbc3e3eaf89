using System.Text.Json;

namespace CoworkSync.Administration.Audit;

/// <summary>
/// What a change set, value by value: both states are written as the admin API writes them (JSON, web names), flattened
/// to paths (<c>settings.autoProvision</c>, <c>locations[0].timeZone</c>; a list of plain values is one value,
/// <c>a, b</c>), and compared. Only what differs is kept, in the order of the state after (then what was removed).
/// </summary>
public static class AuditDiff
{
    /// <summary>The longest value kept; a longer one is cut and ends in an ellipsis.</summary>
    public const int MaxValueLength = 1000;

    /// <summary>The most changes one entry keeps; more are summed up in a last one.</summary>
    public const int MaxChanges = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="before">The state before; null when it did not exist.</param>
    /// <param name="after">The state after; null when it no longer exists.</param>
    public static IReadOnlyList<AuditChange> Between(object? before, object? after)
    {
        var old = Flatten(before);
        var current = Flatten(after);
        var changes = new List<AuditChange>();
        foreach (var (field, value) in current)
        {
            old.TryGetValue(field, out var previous);
            if (!string.Equals(previous, value, StringComparison.Ordinal))
                changes.Add(new AuditChange(field, previous, value));
        }
        foreach (var (field, value) in old)
        {
            if (!current.ContainsKey(field) && value is not null)
                changes.Add(new AuditChange(field, value, null));
        }
        if (changes.Count > MaxChanges)
            changes = [.. changes.Take(MaxChanges - 1), new AuditChange("…", null, $"{changes.Count - MaxChanges + 1} more changes")];
        return changes;
    }

    /// <summary>How a summary says how many values a change set: <c>1 value changed</c>.</summary>
    public static string Count(int changes) => changes switch { 0 => "no value changed", 1 => "1 value changed", _ => $"{changes} values changed" };

    /// <summary>Every value of <paramref name="state"/> by its path, in document order; null values kept as null.</summary>
    public static IReadOnlyDictionary<string, string?> Values(object? state) => Flatten(state);

    private static Dictionary<string, string?> Flatten(object? state)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (state is null)
            return values;
        var element = state as JsonElement? ?? JsonSerializer.SerializeToElement(state, state.GetType(), Json);
        Walk(element, "", values);
        return values;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                if (path.Length > 0 && !element.EnumerateObject().Any())
                    values[path] = "";
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(IsPlain):
                values[Path(path)] = Bounded(string.Join(", ", element.EnumerateArray().Select(Text)));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{path}[{index++}]", values);
                break;
            default:
                values[Path(path)] = element.ValueKind == JsonValueKind.Null ? null : Bounded(Text(element));
                break;
        }
    }

    private static string Path(string path) => path.Length == 0 ? "value" : path;

    private static bool IsPlain(JsonElement element) => element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };

    private static string Bounded(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
}
