using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>What the Functions host posts to <c>/{FunctionName}</c>: one entry per input binding, and trigger metadata.</summary>
public sealed class InvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
