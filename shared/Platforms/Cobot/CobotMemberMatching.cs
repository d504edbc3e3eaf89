using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Which CoworkSync members a signed-in Cobot user may be: for each of the user's memberships, the Cobot connectors of
/// its space (by subdomain, ignoring case) and the membership's id as the member id, which is what a Cobot member's id
/// is here (<see cref="CobotMapper"/>). Never by email. A membership without an id or a subdomain matches nothing. The
/// caller keeps only the candidates CoworkSync holds a member for.
/// </summary>
public static class CobotMemberMatching
{
    public static IReadOnlyList<ProvenMember> Candidates(CobotSignedInUser user, IEnumerable<Connector> connectors)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(connectors);
        var bySubdomain = connectors
            .Select(c => (Connector: c, Settings: c.Platform == CobotPlatform.PlatformName ? CobotConnectorSettings.Of(c) : null))
            .Where(c => c.Settings is not null)
            .ToLookup(c => c.Settings!.Subdomain, c => c.Connector.Id, StringComparer.OrdinalIgnoreCase);
        return [.. (user.Memberships ?? [])
            .Where(m => !string.IsNullOrWhiteSpace(m?.Id) && !string.IsNullOrWhiteSpace(m.SpaceSubdomain))
            .SelectMany(m => bySubdomain[m!.SpaceSubdomain!.Trim()].Select(connectorId => new ProvenMember(connectorId, m.Id!.Trim())))
            .Distinct()];
    }
}
