using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>A member's membership as Coworks sends it; null when the member has none.</summary>
public sealed record CoworksMembership
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>pending</c>, <c>active</c> or <c>ended</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("plan")]
    public CoworksPlan? Plan { get; init; }

    [JsonPropertyName("starts_on")]
    public DateOnly? StartsOn { get; init; }

    [JsonPropertyName("ends_on")]
    public DateOnly? EndsOn { get; init; }

    [JsonPropertyName("billing_cycle_anchor")]
    public DateOnly? BillingCycleAnchor { get; init; }
}
