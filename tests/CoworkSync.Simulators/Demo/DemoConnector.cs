namespace CoworkSync.Simulators.Demo;

/// <summary>
/// Connects the demo space to CoworkSync through the admin API, exactly as an operator would: the connector (with
/// its location and access points), the space's API key and webhook secret, and the plan mapping. All three PUTs are
/// idempotent, so every run sends them (the space's port may have changed).
/// </summary>
public static class DemoConnector
{
    public static async Task ConnectAsync(CoworkSyncAdminClient admin, string connectorId, Uri spaceUrl, DemoSpaceState space, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(space);
        var root = "/api/admin/connectors/" + Uri.EscapeDataString(connectorId);
        await admin.PutAsync(root, new
        {
            platform = "coworks",
            displayName = "Demo space (simulated Coworks)",
            locations = new[]
            {
                new { id = DemoCast.LocationId, name = DemoCast.LocationName, timeZone = DemoCast.TimeZone, nasIdentifiers = new[] { DemoCast.NasIdentifierPattern } },
            },
            coworks = new { apiBaseUrl = spaceUrl.ToString(), spaceId = DemoCast.SpaceId },
            settings = new { autoProvision = true, autoDeprovision = true, syncIntervalMinutes = 15, sendWelcomeEmail = true, allowAllLocations = false },
        }, cancellationToken);
        await admin.PutAsync(root + "/secrets", new { apiKey = space.ApiKey, webhookSecret = space.WebhookSecret }, cancellationToken);
        await admin.PutAsync(root + "/plan-mappings",
            DemoCast.Plans.Select(p => new { planId = p.Id, planName = p.Name, groups = p.Groups }).ToArray(), cancellationToken);
    }
}
