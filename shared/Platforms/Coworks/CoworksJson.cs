using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Reads Coworks JSON, turning every failure into a <see cref="CoworksPayloadException"/> that says whether the
/// bytes are not JSON at all, or which field (by JSON path) has a bad date or a value of the wrong type. Messages
/// never quote the payload's values.
/// </summary>
internal static class CoworksJson
{
    private static readonly string[] DateFields = ["created_at", "updated_at", "starts_on", "ends_on", "billing_cycle_anchor"];

    /// <param name="utf8Json">The raw body.</param>
    /// <param name="type">The source-generated metadata of <typeparamref name="T"/>.</param>
    /// <param name="what">The subject of the message, e.g. "The Coworks webhook body".</param>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> type, string what)
    {
        EnsureWellFormed(utf8Json, what);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type);
        }
        catch (JsonException ex)
        {
            throw new CoworksPayloadException(DescribeShapeError(what, ex), ex);
        }
    }

    /// <summary>A syntax check first, so a broken document is reported as such and not as a wrong type at some path.</summary>
    private static void EnsureWellFormed(ReadOnlySpan<byte> utf8Json, string what)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            // Reading every token to the end finds any syntax error, an empty body included.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new CoworksPayloadException($"{what} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }
    }

    private static string DescribeShapeError(string what, JsonException ex)
    {
        var path = ex.Path is { Length: > 0 } p && p != "$" ? p : null;
        if (path is null)
            return $"{what} is not a JSON object of the expected shape.";
        if (Array.Exists(DateFields, field => path.EndsWith("." + field, StringComparison.Ordinal)))
            return $"{what} has a bad date at {path}: expected ISO 8601 (e.g. 2026-11-01T09:30:00Z, or 2026-11-01 for a day).";
        return $"{what} has a value of the wrong type at {path}.";
    }
}
