using System.Text.Json;

namespace CoworkSync.Ceilings;

/// <summary>Reads attributes from the JSON body rlm_rest posts: <c>{"User-Name":{"type":"string","value":["…"]}, …}</c>.</summary>
public sealed class RlmRestBody(JsonDocument document) : IDisposable
{
    public static async Task<RlmRestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        new(await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken));

    public string? String(string attribute) =>
        document.RootElement.TryGetProperty(attribute, out var element)
        && element.TryGetProperty("value", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            ? values[0].ValueKind == JsonValueKind.String ? values[0].GetString() : values[0].GetRawText()
            : null;

    public long Integer(string attribute) => long.TryParse(String(attribute), out var value) ? value : 0;

    public void Dispose() => document.Dispose();
}
