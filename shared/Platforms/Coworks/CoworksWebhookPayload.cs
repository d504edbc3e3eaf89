using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>The body of a Coworks webhook exactly as it arrives; <see cref="CoworksWebhookParser"/> validates it.</summary>
public sealed record CoworksWebhookPayload
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("space_id")]
    public string? SpaceId { get; init; }

    [JsonPropertyName("data")]
    public CoworksWebhookData? Data { get; init; }
}

public sealed record CoworksWebhookData
{
    [JsonPropertyName("member")]
    public CoworksMember? Member { get; init; }

    /// <summary>May be null on member events.</summary>
    [JsonPropertyName("membership")]
    public CoworksMembership? Membership { get; init; }
}
