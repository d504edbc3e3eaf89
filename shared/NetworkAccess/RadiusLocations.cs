using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>Where a RADIUS request comes from, by the NAS-Identifier or Called-Station-Id patterns of the connector's locations.</summary>
public static class RadiusLocations
{
    public static ConnectorLocation? Of(Connector connector, RadiusAttributes request)
    {
        var nasIdentifier = request.String("NAS-Identifier");
        var calledStation = request.String("Called-Station-Id");
        return connector.Locations.FirstOrDefault(location => location.NasPatterns.Any(pattern =>
            NasPattern.Matches(pattern, nasIdentifier) || NasPattern.Matches(pattern, calledStation)));
    }

    public static TimeZoneInfo Zone(ConnectorLocation location) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The zone a member's billing cycle follows: their own location's, else (the platform names none) the connector's
    /// first location's, else UTC. Never the asking access point's, so authorize, accounting and the admin API always
    /// count the same cycle.
    /// </summary>
    public static TimeZoneInfo MemberZone(Connector? connector, WifiAccount account)
    {
        var location = connector?.Locations.FirstOrDefault(l => l.Id == account.LocationId) ?? connector?.Locations.FirstOrDefault();
        return location is null ? TimeZoneInfo.Utc : Zone(location);
    }
}
