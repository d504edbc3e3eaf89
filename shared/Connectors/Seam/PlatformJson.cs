using System.Text.Json;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Seam;

/// <summary>Reads a part of an operator's JSON body into a platform's record, naming the field whose JSON has the wrong shape.</summary>
public static class PlatformJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="element">The JSON to read.</param>
    /// <param name="at">Where it is in the body (the platform's name, for its section); empty for the body itself.</param>
    /// <param name="error">The field whose JSON is not of the record's shape, with the reason; null when it was read.</param>
    /// <returns>The record; null when <paramref name="element"/> is JSON null or <paramref name="error"/> is set.</returns>
    public static T? Read<T>(JsonElement element, string at, out ValidationError? error) where T : class
    {
        error = null;
        try
        {
            return element.Deserialize<T>(Json);
        }
        catch (JsonException ex)
        {
            var inner = ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "";
            var field = at.Length == 0 ? (inner.Length == 0 ? "body" : inner) : inner.Length == 0 ? at : $"{at}.{inner}";
            error = new ValidationError(field, "is not valid JSON of the expected shape");
            return null;
        }
    }
}
