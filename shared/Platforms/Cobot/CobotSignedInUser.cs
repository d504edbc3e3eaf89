using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// <c>GET https://www.cobot.me/api/user</c>: the signed-in Cobot user and their memberships, one per space
/// (https://dev.cobot.me/api-docs/users). Only what member sign-in reads.
/// </summary>
/// <param name="Id">The user's id: how an app identifies a Cobot user.</param>
/// <param name="Email">The user's email, for greeting only (users can change it).</param>
/// <param name="Memberships">The user's memberships.</param>
public sealed record CobotSignedInUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("memberships")] IReadOnlyList<CobotSignedInMembership?>? Memberships);

/// <param name="Id">The membership's id: a CoworkSync member id on the space's connector.</param>
/// <param name="SpaceSubdomain">The space's subdomain: which connector.</param>
/// <param name="SpaceName">The space's name.</param>
public sealed record CobotSignedInMembership(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("space_subdomain")] string? SpaceSubdomain,
    [property: JsonPropertyName("space_name")] string? SpaceName = null);
