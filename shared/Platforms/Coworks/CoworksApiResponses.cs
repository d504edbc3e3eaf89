using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>The envelope of a single-resource or list API response: <c>{"data": …}</c>.</summary>
public sealed record CoworksDataResponse<T>
{
    [JsonPropertyName("data")]
    public T? Data { get; init; }
}

/// <summary>One page of a paged API response: <c>{"data": […], "meta": {"page": N, "total_pages": M}}</c>.</summary>
public sealed record CoworksPagedResponse<T>
{
    [JsonPropertyName("data")]
    public IReadOnlyList<T>? Data { get; init; }

    [JsonPropertyName("meta")]
    public CoworksPageMeta? Meta { get; init; }
}

public sealed record CoworksPageMeta
{
    [JsonPropertyName("page")]
    public int Page { get; init; }

    [JsonPropertyName("total_pages")]
    public int? TotalPages { get; init; }
}
