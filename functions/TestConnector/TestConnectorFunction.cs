using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.TestConnector;

/// <summary>
/// <c>POST /api/admin/connectors/{connectorId}/test</c>: the checks an operator runs before going live, as one report:
/// API reachable with the credentials, webhook secret set, every plan at the platform mapped, locations known; for Cobot
/// also the space's time zone against the first location's (<c>timeZone</c>), a check of its own.
/// </summary>
public static class TestConnectorFunction
{
    public const string FunctionName = "TestConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/test", TestAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    /// <param name="Name">The check's name in the answer (<c>api</c>, <c>plans</c>, …).</param>
    /// <param name="Ok">Whether the check passed.</param>
    /// <param name="Detail">What it found, for the operator (no secrets).</param>
    /// <param name="Items">What the check found wrong: unmapped plans, unknown locations.</param>
    private sealed record Check(string Name, bool Ok, string Detail, IReadOnlyList<object>? Items = null);

    private static async Task<IResult> TestAsync(
        string connectorId, ConnectorStore connectors, ConnectorSecrets secrets, PlatformConnectors platforms, CobotWebhookCheck cobotWebhooks,
        CobotTimeZoneCheck cobotTimeZone, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        if (connector is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var platform = platforms.For(connector);

        var api = await platform.CheckAsync(connector, cancellationToken);
        var webhooks = connector.Platform == PlatformNames.Cobot
            ? await CobotWebhookCheckAsync(connector, api.Ok, cobotWebhooks, cancellationToken)
            : await WebhookSecretCheckAsync(connector, secrets, cancellationToken);
        var checks = new List<Check> { new("api", api.Ok, api.Message), webhooks };

        if (api.Ok)
        {
            checks.Add(PlansCheck(connector, api.Plans));
            checks.Add(await LocationsCheckAsync(connector, platform, cancellationToken));
        }
        else
        {
            checks.Add(new("plans", false, "not checked: the API check failed"));
            checks.Add(new("locations", false, "not checked: the API check failed"));
        }
        if (connector.Platform == PlatformNames.Cobot)
            checks.Add(await CobotTimeZoneCheckAsync(connector, api.Ok, cobotTimeZone, cancellationToken));

        return Results.Ok(new { connectorId, ok = checks.All(c => c.Ok), checks });
    }

    /// <summary>Coworks signs its webhooks with a secret that must be set.</summary>
    private static async Task<Check> WebhookSecretCheckAsync(Connector connector, ConnectorSecrets secrets, CancellationToken cancellationToken)
    {
        var (_, webhookSecretSet) = await secrets.StatusAsync(connector.Id, cancellationToken);
        return new("webhookSecret", webhookSecretSet, webhookSecretSet ? "set" : "not set: webhooks will be refused");
    }

    private static async Task<Check> CobotWebhookCheckAsync(Connector connector, bool apiOk, CobotWebhookCheck check, CancellationToken cancellationToken)
    {
        if (!apiOk)
            return new("webhooks", false, "not checked: the API check failed");
        var (ok, detail, missing) = await check.RunAsync(connector, cancellationToken);
        return new("webhooks", ok, detail, missing.Count == 0 ? null : [.. missing]);
    }

    private static async Task<Check> CobotTimeZoneCheckAsync(Connector connector, bool apiOk, CobotTimeZoneCheck check, CancellationToken cancellationToken)
    {
        if (!apiOk)
            return new("timeZone", false, "not checked: the API check failed");
        var (ok, detail) = await check.RunAsync(connector, cancellationToken);
        return new("timeZone", ok, detail);
    }

    /// <param name="connector">The connector whose plan mappings are checked.</param>
    /// <param name="plans">The plans the API check read: the platform is not asked again.</param>
    private static Check PlansCheck(Connector connector, IReadOnlyList<PlatformPlan> plans)
    {
        var unmapped = plans.Where(p => PlanMapping.Find(connector.PlanMappings, p.Id, p.Name) is null).Select(object (p) => new { id = p.Id, name = p.Name }).ToList();
        return new("plans", unmapped.Count == 0, unmapped.Count == 0 ? $"all {plans.Count} plans mapped" : $"{unmapped.Count} plans not mapped", unmapped);
    }

    /// <summary>Lists the members for their locations, unless the platform puts every member at the first location.</summary>
    private static async Task<Check> LocationsCheckAsync(Connector connector, IPlatformConnector platform, CancellationToken cancellationToken)
    {
        if (platform.MembersAtFirstLocation)
            return new("locations", true, $"every member is at the connector's first location, {connector.Locations[0].Id}", []);
        try
        {
            var known = connector.Locations.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var member in platform.ListMembersAsync(connector, new SyncNotes(), cancellationToken))
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
