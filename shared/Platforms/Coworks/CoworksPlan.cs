using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>A plan as Coworks sends it, inside a membership and in the plans API.</summary>
public sealed record CoworksPlan
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
