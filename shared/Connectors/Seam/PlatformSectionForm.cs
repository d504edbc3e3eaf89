using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoworkSync.Connectors.Seam;

/// <summary>
/// A platform's settings section as a form holds it: text per field, turned into the JSON the platform's
/// <see cref="IPlatformSettings.Read"/> validates. The form judges nothing itself: what does not fit a field's kind is
/// passed on as text, so that the platform's own rules name the field and say what is wrong.
/// </summary>
public static class PlatformSectionForm
{
    /// <summary>The value a checkbox posts when it is ticked.</summary>
    public const string Checked = "true";

    /// <summary>
    /// The section: a text or URL field left empty (or blank) is left out, so that the platform's default applies or
    /// its required rule names it; a boolean is <c>true</c> when ticked, <c>false</c> otherwise; a number is a JSON
    /// number when it reads as one (invariant culture), its text otherwise.
    /// </summary>
    /// <param name="fields">The platform's fields.</param>
    /// <param name="value">What the form holds for a field's name; null when nothing was posted for it.</param>
    public static JsonElement ToSection(IReadOnlyList<PlatformField> fields, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(value);
        var section = new JsonObject();
        foreach (var field in fields)
        {
            var text = value(field.Name);
            switch (field.Kind)
            {
                case PlatformFieldKind.Bool:
                    section[field.Name] = string.Equals(text?.Trim(), Checked, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(text?.Trim(), "on", StringComparison.OrdinalIgnoreCase);
                    break;
                case PlatformFieldKind.Number when !string.IsNullOrWhiteSpace(text):
                    section[field.Name] = double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(text.Trim());
                    break;
                case PlatformFieldKind.Text or PlatformFieldKind.Url when !string.IsNullOrWhiteSpace(text):
                    section[field.Name] = text.Trim();
                    break;
            }
        }
        return JsonSerializer.SerializeToElement(section);
    }

    /// <summary>How the platform's errors name a field: <c>{platform}.{field}</c>.</summary>
    public static string ErrorPath(string platform, string field) => $"{platform}.{field}";
}
