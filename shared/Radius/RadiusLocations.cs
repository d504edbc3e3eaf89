using CoworkSync.Connectors;
using CoworkSync.Provisioning;

namespace CoworkSync.Radius;

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
    /// The member's own location's zone, which their billing cycle follows; when theirs is unknown, the
    /// <paramref name="fallback"/>'s (the asking NAS's), else the connector's first location's, else UTC.
    /// </summary>
    public static TimeZoneInfo MemberZone(Connector? connector, WifiAccount account, ConnectorLocation? fallback)
    {
        var location = connector?.Locations.FirstOrDefault(l => l.Id == account.LocationId) ?? fallback ?? connector?.Locations.FirstOrDefault();
        return location is null ? TimeZoneInfo.Utc : Zone(location);
    }
}
