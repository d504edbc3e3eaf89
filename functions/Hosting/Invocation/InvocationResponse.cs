using System.Text.Json.Serialization;

namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>What a custom handler answers: output binding values, log lines for the host, and a return value.</summary>
public sealed class InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }
}
