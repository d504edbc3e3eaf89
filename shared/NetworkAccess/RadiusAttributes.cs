using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// The attributes of a FreeRADIUS rlm_rest JSON request: <c>{"User-Name":{"type":"string","value":["bob"]},…}</c>.
/// Every value is an array; enumerated integers arrive as their names ("Stop") unless <c>raw_value</c> is set. Only each
/// attribute's first value is kept (nothing here reads another), read in one pass over the bytes.
/// </summary>
public sealed class RadiusAttributes
{
    private readonly Dictionary<string, string?> _first;

    private RadiusAttributes(Dictionary<string, string?> first) => _first = first;

    /// <exception cref="RadiusRequestException">The body is not an rlm_rest JSON object.</exception>
    public static RadiusAttributes Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new RadiusRequestException("The request body must be a JSON object of attributes.");
            var first = new Dictionary<string, string?>(16, StringComparer.OrdinalIgnoreCase);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                first[name] = FirstValue(ref reader);
            }
            // Anything after the object is not one JSON value: the reader refuses it.
            reader.Read();
            return new RadiusAttributes(first);
        }
        catch (JsonException ex)
        {
            throw new RadiusRequestException("The request body is not JSON.", ex);
        }
    }

    /// <summary>The attribute's first value as text (a number as written); null when absent or neither text nor number.</summary>
    public string? String(string name) => _first.GetValueOrDefault(name);

    /// <summary>The attribute's first value as a whole number (written as a number or as text); null otherwise.</summary>
    public long? Integer(string name) =>
        long.TryParse(_first.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The first value of an attribute, the reader on its value's first token; leaves the reader on the value's last token.
    /// rlm_rest sends <c>{"type":…,"value":[…]}</c>; a bare value or array is accepted too.
    /// </summary>
    private static string? FirstValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                string? found = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isValue = reader.ValueTextEquals("value"u8);
                    reader.Read();
                    if (isValue)
                        found = FirstValue(ref reader);
                    else
                        reader.Skip();
                }
                return found;
            case JsonTokenType.StartArray:
                string? first = null;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (index++ == 0)
                        first = Scalar(ref reader);
                    reader.Skip();
                }
                return first;
            default:
                return Scalar(ref reader);
        }
    }

    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };
}
