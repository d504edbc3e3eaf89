using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoworkSync.Functions.Console.Members;

/// <summary>
/// A property a member's platform adds to their view (through the seam: the console knows no platform), laid out for
/// a person: its name in words, and each of its values in words. A property that is an object becomes a list of its
/// own properties; anything else is one value.
/// </summary>
/// <param name="Title">The property's name in words ("lastCheckInOn" is "Last check in on").</param>
/// <param name="Values">Each value by its name in words; one unnamed value for a property that is not an object.</param>
public sealed record PlatformProperty(string Title, IReadOnlyList<(string Name, string Value)> Values)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PlatformProperty> From(IReadOnlyDictionary<string, object?> properties) =>
        [.. properties.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Of(p.Key, p.Value!))];

    private static PlatformProperty Of(string name, object value)
    {
        var json = JsonSerializer.SerializeToElement(value, Json);
        return json.ValueKind == JsonValueKind.Object
            ? new(Words(name), [.. json.EnumerateObject().Select(p => (Words(p.Name), Text(p.Value)))])
            : new(Words(name), [("", Text(json))]);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "none",
        JsonValueKind.String when value.TryGetDateTimeOffset(out var at) && value.GetString()!.Contains('T', StringComparison.Ordinal) =>
            at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>"cobotCheckIn" is "Cobot check in", "last_error" is "Last error".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-')
            {
                words.Append(' ');
                continue;
            }
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
                words.Append(' ');
            words.Append(words.Length == 0 ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return words.ToString().Trim();
    }
}
