namespace CoworkSync.Connectors;

/// <summary>The location a member belongs to: their own when the platform names one the connector lists, else the connector's first.</summary>
public static class MemberLocation
{
    public static ConnectorLocation? Of(Connector? connector, string? locationId) =>
        connector?.Locations.FirstOrDefault(l => l.Id == locationId) ?? connector?.Locations.FirstOrDefault();
}
