using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Connectors;

/// <summary>
/// The checks an operator runs before going live, as one report: <c>api</c> (the platform reachable with the
/// credentials; it reads the plans), the platform's webhook check, <c>plans</c> (every plan the platform has is
/// mapped), <c>locations</c> (every member's location is the connector's), then the platform's own checks.
/// </summary>
public sealed class ConnectorTestRunner(ConnectorStore connectors, PlatformRegistry platforms)
{
    public async Task<Outcome<ConnectorTestReport>> RunAsync(string connectorId, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        return connector is null
            ? Outcome<ConnectorTestReport>.NotFound($"There is no connector '{connectorId}'.")
            : Outcome<ConnectorTestReport>.Done(await RunAsync(connector, cancellationToken));
    }

    /// <summary>Runs every check of the connector, in order.</summary>
    public async Task<ConnectorTestReport> RunAsync(Connector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var platform = platforms.For(connector);

        var api = await platform.Members.CheckAsync(connector, cancellationToken);
        var checks = new List<ConnectorCheck>
        {
            new("api", api.Ok, api.Message),
            await platform.Checks.WebhooksAsync(connector, api.Ok, cancellationToken),
        };
        if (api.Ok)
        {
            checks.Add(PlansCheck(connector, api.Plans));
            checks.Add(await LocationsCheckAsync(connector, platform.Members, cancellationToken));
        }
        else
        {
            checks.Add(ConnectorCheck.NotRun("plans"));
            checks.Add(ConnectorCheck.NotRun("locations"));
        }
        checks.AddRange(await platform.Checks.OwnChecksAsync(connector, api.Ok, cancellationToken));
        return ConnectorTestReport.Of(connector.Id, checks);
    }

    /// <param name="connector">The connector whose plan mappings are checked.</param>
    /// <param name="plans">The plans the API check read: the platform is not asked again.</param>
    public static ConnectorCheck PlansCheck(Connector connector, IReadOnlyList<PlatformPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(plans);
        var unmapped = plans.Where(p => PlanMapping.Find(connector.PlanMappings, p.Id, p.Name) is null).Select(object (p) => new UnmappedPlan(p.Id, p.Name)).ToList();
        return new("plans", unmapped.Count == 0, unmapped.Count == 0 ? $"all {plans.Count} plans mapped" : $"{unmapped.Count} plans not mapped", unmapped);
    }

    /// <summary>Lists the members for their locations, unless the platform puts every member at the first location.</summary>
    public static async Task<ConnectorCheck> LocationsCheckAsync(Connector connector, IPlatformMembers members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(members);
        if (members.MembersAtFirstLocation)
            return new("locations", true, $"every member is at the connector's first location, {connector.Locations[0].Id}", []);
        try
        {
            var known = connector.Locations.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var member in members.ListMembersAsync(connector, new SyncNotes(), cancellationToken))
            {
                if (member.LocationId is { } location && !known.Contains(location))
                    unknown.Add(location);
            }
            return new("locations", unknown.Count == 0, unknown.Count == 0 ? "every member's location is configured" : "members are at locations the connector does not list",
                unknown.Cast<object>().ToList());
        }
        catch (PlatformException ex)
        {
            return new("locations", false, ex.Message);
        }
    }
}
