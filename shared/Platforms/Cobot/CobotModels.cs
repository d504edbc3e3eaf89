using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Cobot;

// Cobot API1 wire format (https://dev.cobot.me/api-docs). Dates are strings in API1's own formats and parsed by
// CobotDates; unknown properties are ignored, so Cobot may add fields.

public sealed record CobotMembership
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("user")] public CobotUser? User { get; init; }
    [JsonPropertyName("plan")] public CobotMembershipPlan? Plan { get; init; }
    [JsonPropertyName("upcoming_plan")] public CobotUpcomingPlan? UpcomingPlan { get; init; }
    [JsonPropertyName("confirmed_at")] public string? ConfirmedAt { get; init; }
    [JsonPropertyName("starts_at")] public string? StartsAt { get; init; }
    [JsonPropertyName("canceled_to")] public string? CanceledTo { get; init; }
}

public sealed record CobotUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("email")] string? Email);

/// <summary>The membership's own copy of its plan; <c>parent_plan.id</c> is the space's plan.</summary>
public sealed record CobotMembershipPlan
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("parent_plan")] public CobotPlanReference? ParentPlan { get; init; }
}

/// <summary>A plan change Cobot has scheduled; assumed to be the plan copy plus the day it takes effect.</summary>
public sealed record CobotUpcomingPlan
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("parent_plan")] public CobotPlanReference? ParentPlan { get; init; }
    [JsonPropertyName("starts_at")] public string? StartsAt { get; init; }
    [JsonPropertyName("change_date")] public string? ChangeDate { get; init; }
}

public sealed record CobotPlanReference([property: JsonPropertyName("id")] JsonElement Id)
{
    /// <summary>The id as text whether Cobot sends a string or a number.</summary>
    public string? Text => Id.ValueKind switch
    {
        JsonValueKind.String => Id.GetString(),
        JsonValueKind.Number => Id.GetRawText(),
        _ => null,
    };
}

public sealed record CobotPlan(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("hidden")] bool? Hidden);

public sealed record CobotCustomField(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("value")] string? Value = null);

/// <summary>A membership's custom fields, from <c>GET /api/custom_fields</c> or <c>/api/memberships/{id}/custom_fields</c>.</summary>
public sealed record CobotMembershipFields(
    [property: JsonPropertyName("membership_id")] string? MembershipId,
    [property: JsonPropertyName("fields")] IReadOnlyList<CobotCustomField>? Fields);

public sealed record CobotSubscription(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("callback_url")] string? CallbackUrl,
    [property: JsonPropertyName("active")] bool? Active,
    [property: JsonPropertyName("url")] string? Url);

/// <summary>A space as <c>GET {oauthBase}/api/spaces/{subdomain}</c> answers it (fields CoworkSync reads).</summary>
public sealed record CobotSpace(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("time_zone_name")] string? TimeZoneName = null);

/// <summary>
/// The answer to <c>POST {oauthBase}/api/access_tokens/{token}/space</c>: a new token, belonging to the space, with the
/// scope of the one that created it (Cobot also answers <c>scope</c> and <c>client_id</c>, not read). <see cref="ToString"/>
/// leaves the token out.
/// </summary>
public sealed record CobotSpaceToken([property: JsonPropertyName("token")] string? Token)
{
    public override string ToString() => $"CobotSpaceToken {{ Token = {(Token is null ? "null" : "***")} }}";
}

/// <summary>The OAuth token answer. <see cref="ToString"/> leaves the token out.</summary>
public sealed record CobotTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken)
{
    public override string ToString() => $"CobotTokenResponse {{ AccessToken = {(AccessToken is null ? "null" : "***")} }}";
}

/// <summary>A check-in token to register: it checks the member in, so <see cref="ToString"/> leaves it out.</summary>
public sealed record CobotCheckInTokenRequest(
    [property: JsonPropertyName("membership_id")] string MembershipId,
    [property: JsonPropertyName("token")] string Token)
{
    public override string ToString() => $"CobotCheckInTokenRequest {{ MembershipId = {MembershipId}, Token = *** }}";
}

/// <summary>What a check-in request ended with: Cobot's 201, or why not (its 422's reason, or an inactive token).</summary>
/// <param name="Created">Cobot checked the member in (its 201 with <c>valid_until</c>).</param>
/// <param name="Error">Why not, for the operator; null when checked in.</param>
/// <param name="ValidUntil">Until when the check-in is valid, as Cobot wrote it.</param>
/// <param name="TokenInactive">Cobot no longer knows the check-in token (its 204): it must be registered again.</param>
public sealed record CobotCheckInResult(bool Created, string? Error, string? ValidUntil = null, bool TokenInactive = false);
