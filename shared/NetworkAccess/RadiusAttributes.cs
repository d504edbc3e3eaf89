using System.Globalization;
using System.Text.Json;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// The attributes of a FreeRADIUS rlm_rest JSON request: <c>{"User-Name":{"type":"string","value":["bob"]},…}</c>.
/// Every value is an array; enumerated integers arrive as their names ("Stop") unless <c>raw_value</c> is set.
/// </summary>
public sealed class RadiusAttributes
{
    private readonly Dictionary<string, JsonElement[]> _values;

    private RadiusAttributes(Dictionary<string, JsonElement[]> values) => _values = values;

    /// <exception cref="RadiusRequestException">The body is not an rlm_rest JSON object.</exception>
    public static RadiusAttributes Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new RadiusRequestException("The request body must be a JSON object of attributes.");
            var values = new Dictionary<string, JsonElement[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in document.RootElement.EnumerateObject())
                values[attribute.Name] = Values(attribute.Value);
            return new RadiusAttributes(values);
        }
        catch (JsonException ex)
        {
            throw new RadiusRequestException("The request body is not JSON.", ex);
        }
    }

    /// <summary>RFC 2865 §5: an attribute's value is at most 253 octets; FreeRADIUS never sends a longer one.</summary>
    public const int MaxValueBytes = 253;

    /// <exception cref="RadiusRequestException">The value is longer than any RADIUS attribute can be.</exception>
    public string? String(string name)
    {
        var text = First(name) is { } value ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
        // Such a value cannot come from a RADIUS request, and would make a table key too long to store.
        if (text is not null && System.Text.Encoding.UTF8.GetByteCount(text) > MaxValueBytes)
            throw new RadiusRequestException($"The attribute {name} is longer than the {MaxValueBytes} bytes a RADIUS attribute holds.");
        return text;
    }

    public long? Integer(string name)
    {
        if (First(name) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            return number;
        return long.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private JsonElement? First(string name) => _values.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    private static JsonElement[] Values(JsonElement attribute)
    {
        // rlm_rest sends {"type":…,"value":[…]}; a bare value or array is accepted too.
        var value = attribute.ValueKind == JsonValueKind.Object && attribute.TryGetProperty("value", out var inner) ? inner : attribute;
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.Clone()).ToArray() : [value.Clone()];
    }
}
