using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>Where a RADIUS request comes from, by the NAS-Identifier or Called-Station-Id patterns of the connector's locations.</summary>
public static class RadiusLocations
{
    /// <summary>The first of the connector's locations with a pattern that matches the NAS-Identifier or the Called-Station-Id.</summary>
    public static ConnectorLocation? Of(Connector connector, string? nasIdentifier, string? calledStation)
    {
        foreach (var location in connector.Locations)
        {
            foreach (var pattern in location.NasPatterns)
            {
                if (NasPattern.Matches(pattern, nasIdentifier) || NasPattern.Matches(pattern, calledStation))
                    return location;
            }
        }
        return null;
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
