using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Definitions;

/// <summary>A function as its function.json declares it: the folder name and its bindings.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<JsonElement> Bindings)
{
    public JsonElement? Trigger => Bindings.Cast<JsonElement?>().FirstOrDefault(b => Type(b!.Value).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string TriggerType => Trigger is { } t ? Type(t) : "";

    /// <summary>Forwarded HTTP: exactly one httpTrigger in and one http out, so the host passes the raw request.</summary>
    public bool IsPureHttp =>
        Bindings.Count == 2
        && Bindings.Count(b => Type(b).Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)) == 1
        && Bindings.Count(b => Type(b).Equals("http", StringComparison.OrdinalIgnoreCase)) == 1;

    public static string Type(JsonElement binding) =>
        binding.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";

    public static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
