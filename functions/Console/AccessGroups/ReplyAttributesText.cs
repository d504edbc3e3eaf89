using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Console.AccessGroups;

/// <summary>
/// Extra RADIUS reply attributes as the access group form writes them: one <c>Name = value</c> per line, blank lines
/// ignored. Only the text's shape is read here; which names and values are allowed is <see cref="CoworkSync.Access.AccessGroupInput"/>'s rule.
/// </summary>
public static class ReplyAttributesText
{
    public const string Field = "extraReplyAttributes";

    /// <summary>The attributes written in <paramref name="text"/> by name, or why a line is not one.</summary>
    public static (Dictionary<string, string?> Attributes, IReadOnlyList<ValidationError> Errors) Parse(string? text)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new List<ValidationError>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? "" : lines[i][..equals].Trim();
            if (name.Length == 0)
            {
                errors.Add(new(Field, $"line {i + 1} ('{lines[i]}') is not Name = value"));
                continue;
            }
            if (!attributes.TryAdd(name, lines[i][(equals + 1)..].Trim()))
                errors.Add(new($"{Field}.{name}", "is given twice"));
        }
        return (attributes, errors);
    }

    /// <summary>Attributes as <see cref="Parse"/> reads them back, one <c>Name = value</c> per line.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> attributes) =>
        string.Join('\n', attributes.Select(a => $"{a.Key} = {a.Value}"));
}
