using System.Net.Http.Json;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>
/// A Coworks connector driven by webhooks alone: its API address is the discard port, which nothing answers, so no sync
/// can reach a platform. Its webhook secret is registered with <see cref="SecretsInLogs"/>, so the log scan looks for it.
/// </summary>
public static class OfflineCoworksConnector
{
    /// <summary>Creates the connector (one location, Europe/Berlin) and sets its API key and webhook secret through the admin API.</summary>
    public static async Task CreateAsync(LocalFunctionApp app, string connectorId, string displayName, string spaceId, string webhookSecret, bool sendWelcomeEmail = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        SecretsInLogs.Register(webhookSecret);
        var admin = app.Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
        {
            platform = "coworks",
            displayName,
            locations = new[] { new { id = "loc_1", name = "Here", timeZone = "Europe/Berlin" } },
            coworks = new { apiBaseUrl = "http://127.0.0.1:9/", spaceId },
            settings = new { sendWelcomeEmail },
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}/secrets", new { apiKey = connectorId + "-api-key-0123456789", webhookSecret })).EnsureSuccessStatusCode();
    }
}
