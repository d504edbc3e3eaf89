using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The connector test's time-zone check for Cobot: the space's <c>time_zone_name</c>
/// (<c>GET {oauthBase}/api/spaces/{subdomain}</c>) against the time zone of the connector's first location, which
/// decides every Cobot member's days (membership dates, billing cycles, the check-in day). A difference fails this
/// check only.
/// </summary>
public sealed class CobotTimeZoneCheck(CobotConnections connections, CobotClient client)
{
    public async Task<(bool Ok, string Detail)> RunAsync(Connector connector, CancellationToken cancellationToken)
    {
        var settings = CobotConnections.Settings(connector);
        var location = connector.Locations[0];
        CobotSpace space;
        try
        {
            var connection = await connections.ForAsync(connector, cancellationToken);
            space = await client.GetSpaceAsync(settings.OAuthBaseUrl, settings.Subdomain, connection.AccessToken, cancellationToken);
        }
        catch (MissingCredentialsException)
        {
            return (false, "not checked: no access token yet");
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            return (false, $"Cobot did not answer the space's time zone: {ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(space.TimeZoneName))
            return (false, $"Cobot's answer about space {settings.Subdomain} names no time zone (time_zone_name)");
        var cobotZone = space.TimeZoneName.Trim();
        return SameZone(cobotZone, location.TimeZone)
            ? (true, $"Cobot space {settings.Subdomain} and the first location, {location.Id}, are both in {location.TimeZone}")
            : (false, $"Cobot space {settings.Subdomain} is in {cobotZone}, the connector's first location, {location.Id}, in {location.TimeZone}: " +
                $"Cobot members' days (membership dates, billing cycles, the check-in day) follow {location.TimeZone}. " +
                "List first a location in the space's time zone, or change it at Cobot.");
    }

    /// <summary>The same name, or two names of one zone (an alias: the same offset and rules).</summary>
    public static bool SameZone(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(a, out var x) && TimeZoneInfo.TryFindSystemTimeZoneById(b, out var y)
            && x.BaseUtcOffset == y.BaseUtcOffset && x.HasSameRules(y);
    }
}
