using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A member as Coworks sends it, in a webhook's <c>data.member</c> and in the members API. Every field is optional
/// on the wire; <see cref="CoworksWebhookParser"/> and <see cref="CoworksMapper"/> reject what they need and lack.
/// </summary>
public sealed record CoworksMember
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary><c>active</c>, <c>trial</c>, <c>inactive</c> or <c>suspended</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("location_id")]
    public string? LocationId { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Only in API responses; a webhook carries the membership beside the member, in <c>data.membership</c>.</summary>
    [JsonPropertyName("membership")]
    public CoworksMembership? Membership { get; init; }
}
