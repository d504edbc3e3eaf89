using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Seed;

/// <summary>
/// Sets CoworkSync up as an operator would, through the admin API: an access group <c>bench</c> (24/7, no device limit,
/// an hours limit so authorize must read the usage row), and a Coworks connector per space with its key, webhook
/// secret and plan mapping. Its timer sync interval is the longest allowed, so no timer sync runs during the benchmark.
/// </summary>
public static class BenchConnector
{
    public static Task CreateGroupAsync(AdminApi admin) => admin.PutAsync($"/api/admin/access-groups/{BenchMembers.Group}", new
    {
        displayName = "Bench",
        hoursPerCycle = 744,
        timeWindows = (object?)null,
        maxConcurrentSessions = (int?)null,
    });

    public static async Task ConnectAsync(AdminApi admin, BenchSpace space, string coworksUrl)
    {
        var root = $"/api/admin/connectors/{space.ConnectorId}";
        await admin.PutAsync(root, new
        {
            platform = "coworks",
            displayName = "Benchmark " + space.ConnectorId,
            locations = new[]
            {
                new { id = BenchMembers.LocationId, name = "Bench", timeZone = BenchMembers.TimeZone, nasIdentifiers = new[] { "bench-ap-*" } },
            },
            coworks = new { apiBaseUrl = coworksUrl, spaceId = space.SpaceId },
            settings = new { autoProvision = true, autoDeprovision = true, syncIntervalMinutes = 1440, sendWelcomeEmail = space.WelcomeEmails, allowAllLocations = false },
        });
        await admin.PutAsync(root + "/secrets", new { apiKey = CoworksSpace.ApiKey, webhookSecret = BenchSpace.WebhookSecret });
        await admin.PutAsync(root + "/plan-mappings", new[] { new { planId = BenchMembers.PlanId, planName = BenchMembers.PlanName, groups = new[] { BenchMembers.Group } } });
    }
}
