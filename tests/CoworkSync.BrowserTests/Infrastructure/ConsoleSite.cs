using System.Net;
using System.Net.Http.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// CoworkSync in local mode on a real loopback socket, with its own Azurite, as <c>scripts/start.sh</c> runs it; two
/// connectors set up through the admin API as an operator would (a Coworks space with its secrets and a finished sync,
/// a Cobot space not connected yet); and Debian's chromium to look at it. Shared by every browser test.
/// </summary>
public sealed partial class ConsoleSite : IAsyncLifetime
{
    public const string AdminKey = LocalFunctionApp.FunctionKey;
    public const string CoworksConnector = "berlin-mitte";
    public const string CoworksName = "Berlin Mitte";
    public const string CobotConnector = "co-up";
    public const string CobotName = "Co-Up Hamburg";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "coworksync-browser-" + Guid.NewGuid().ToString("N"));
    private AzuriteInstance? _azurite;
    private IPlaywright? _playwright;

    public LocalFunctionApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        App = new LocalFunctionApp(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LocalData:Path"] = _dataPath,
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            ["AzureWebJobs.PollCobot.Disabled"] = "true",
            // Where Cobot would send an admin back after connecting (the connect button needs it; Cobot is never reached).
            ["Cobot:PublicBaseUrl"] = "https://coworksync.example/",
        });
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        await SetUpConnectorsAsync();
        await SeedEventCountsAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (no cookies) at <paramref name="width"/>×<paramref name="height"/>, watched for errors.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        return new WatchedPage(context, await context.NewPageAsync(), BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        if (Directory.Exists(_dataPath))
            Directory.Delete(_dataPath, recursive: true);
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
