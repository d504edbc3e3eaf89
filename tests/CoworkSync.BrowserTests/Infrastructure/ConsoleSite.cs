using System.Net.Http.Json;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// CoworkSync in local mode on a real loopback socket, with its own Azurite, as <c>scripts/start.sh</c> runs it (see
/// <see cref="BrowserSite"/>); two connectors set up through the admin API as an operator would (a Coworks space with
/// its secrets and a finished sync, a Cobot space not connected yet). Shared by the console's browser tests.
/// </summary>
public sealed partial class ConsoleSite() : BrowserSite("browser")
{
    public const string AdminKey = LocalFunctionApp.FunctionKey;
    public const string CoworksConnector = "berlin-mitte";
    public const string CoworksName = "Berlin Mitte";
    public const string CobotConnector = "co-up";
    public const string CobotName = "Co-Up Hamburg";

    protected override IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        // Where Cobot would send an admin back after connecting (the connect button needs it; Cobot is never reached).
        ["Cobot:PublicBaseUrl"] = "https://coworksync.example/",
    };

    protected override async Task SetUpAsync()
    {
        await SetUpConnectorsAsync();
        await SeedEventCountsAsync();
    }

    private async Task SetUpConnectorsAsync()
    {
        using var admin = new HttpClient { BaseAddress = BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        var location = new { id = "loc_mitte", name = "Mitte", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "mitte-ap-*" } };
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{CoworksConnector}", new
        {
            platform = "coworks",
            displayName = CoworksName,
            locations = new[] { location },
            coworks = new { apiBaseUrl = "http://127.0.0.1:9/", spaceId = "spc_mitte" },
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{CoworksConnector}/secrets", new { apiKey = "browser-test-api-key", webhookSecret = "browser-test-webhook-secret" }))
            .EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{CobotConnector}", new
        {
            platform = "cobot",
            displayName = CobotName,
            locations = new[] { new { id = "loc_hh", name = "Hamburg", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "hh-ap-*" } } },
            cobot = new { subdomain = "co-up" },
        })).EnsureSuccessStatusCode();

        // A sync run as the Coworks connector's last one finished it (the simulated space is not part of these tests).
        var finished = new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);
        await App.Services.GetRequiredService<SyncRunStore>().SaveAsync(new SyncRun
        {
            ConnectorId = CoworksConnector,
            RunId = SyncRunStore.NewRunId(finished.AddMinutes(-1)),
            Trigger = "manual",
            State = SyncRunState.Succeeded,
            QueuedAt = finished.AddMinutes(-1),
            StartedAt = finished.AddMinutes(-1),
            EndedAt = finished,
            Counts = new SyncCounts { Seen = 10, Created = 8, Unchanged = 2 },
        }, CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleSiteCollection : ICollectionFixture<ConsoleSite>
{
    public const string Name = "console site";
}
