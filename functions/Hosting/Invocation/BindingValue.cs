using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>
/// Reads values the way the Functions host actually sends them: metadata scalars JSON-encoded inside strings
/// (<c>"\"abc\""</c>, <c>"1"</c>), dates without sub-seconds or zone, and trigger data as base64 bytes
/// (<c>dataType: binary</c>), as a string serialized twice, or as plain JSON.
/// </summary>
public static class BindingValue
{
    /// <summary>A string value, with one level of JSON quoting removed if the host added it.</summary>
    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Unquote(value.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static int? AsInt(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        return int.TryParse(AsString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static bool? AsBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => bool.TryParse(AsString(value), out var parsed) ? parsed : null,
    };

    /// <summary>A timestamp; one without a zone is taken as UTC, which is what the host means.</summary>
    public static DateTimeOffset? AsTimestamp(JsonElement value) =>
        DateTimeOffset.TryParse(AsString(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    /// <summary>String-to-string pairs from an object (ApplicationProperties); values are unquoted.</summary>
    public static IReadOnlyDictionary<string, string> AsStringMap(JsonElement value)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var element = value;
        if (element.ValueKind == JsonValueKind.String && AsString(element) is { } text && text.StartsWith('{'))
            element = JsonDocument.Parse(text).RootElement;
        if (element.ValueKind != JsonValueKind.Object)
            return map;
        foreach (var property in element.EnumerateObject())
        {
            if (AsString(property.Value) is { } propertyValue)
                map[property.Name] = propertyValue;
        }
        return map;
    }

    /// <summary>
    /// The exact bytes of a trigger's data. An object or array is the JSON itself; a string is unwrapped if it is
    /// a serialized string, kept as text if it is JSON, otherwise decoded as base64 if it is valid base64.
    /// </summary>
    public static byte[] AsBytes(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                return Encoding.UTF8.GetBytes(value.GetRawText());
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (TryUnwrapSerializedString(text, out var inner))
                    text = inner;
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
                    return Encoding.UTF8.GetBytes(text);
                return TryDecodeBase64(text, out var bytes) ? bytes : Encoding.UTF8.GetBytes(text);
            default:
                return Encoding.UTF8.GetBytes(value.GetRawText());
        }
    }

    private static string Unquote(string text) => TryUnwrapSerializedString(text, out var inner) ? inner : text;

    private static bool TryUnwrapSerializedString(string text, out string inner)
    {
        inner = text;
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
            return false;
        try
        {
            inner = JsonSerializer.Deserialize<string>(text) ?? text;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
            return false;
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
            return false;
        bytes = buffer[..written];
        return true;
    }
}
