using System.Security.Claims;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Functions.Portal.Authentication;

/// <summary>
/// Who a portal session is: the members the person proved to be when they signed in (one claim each), how they signed
/// in, and a name to greet them by. Every page checks the ids it is given against <see cref="Proven"/>.
/// </summary>
public static class PortalMember
{
    public const string AuthenticationType = "Portal";
    public const string MemberClaim = "coworksync/member";
    public const string MethodClaim = "coworksync/sign-in";

    public static ClaimsPrincipal Principal(IEnumerable<ProvenMember> members, string name, string method)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(MethodClaim, method) };
        claims.AddRange(members.Distinct().Select(m => new Claim(MemberClaim, Encode(m))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The members the session proved; none for anyone not signed in to the portal.</summary>
    public static IReadOnlyList<ProvenMember> Proven(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType }
            ? [.. user.FindAll(MemberClaim).Select(c => Decode(c.Value)).OfType<ProvenMember>()]
            : [];

    /// <summary>Who acts, for the audit log: <c>member alex@example.com (signed in with Cobot)</c>.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        $"member {user.Identity?.Name ?? "unknown"} (signed in {user.FindFirst(MethodClaim)?.Value ?? "to the portal"})";

    /// <summary>Both ids escaped, so neither may contain the separator.</summary>
    private static string Encode(ProvenMember member) => $"{Uri.EscapeDataString(member.ConnectorId)}/{Uri.EscapeDataString(member.MemberId)}";

    private static ProvenMember? Decode(string value) =>
        value.Split('/') is [var connector, var member] ? new ProvenMember(Uri.UnescapeDataString(connector), Uri.UnescapeDataString(member)) : null;
}
