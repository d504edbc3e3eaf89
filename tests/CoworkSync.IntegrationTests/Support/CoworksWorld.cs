using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// A Coworks space played by the simulator, connected to CoworkSync in local mode (real Azurite) that sends its
/// welcome emails to a real SMTP sink: everything a provisioning test needs, set up once per test class.
/// </summary>
public sealed class CoworksWorld : IAsyncLifetime
{
    public const string SpaceId = "spc_123";
    public const string ApiKey = "coworks-api-key-for-tests";
    public const string WebhookSecret = "whsec_test_0123456789abcdef";

    private readonly AzuriteFixture _azurite;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    /// <param name="settings">More app settings, over the world's own.</param>
    public CoworksWorld(AzuriteFixture azurite, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _azurite = azurite;
        _services = services;
        _settings = settings;
    }

    /// <summary>Unique per world, so worlds sharing one Azurite never see each other's members.</summary>
    public string ConnectorId { get; } = "mitte-" + Guid.NewGuid().ToString("N")[..10];

    public CoworksSimulator Coworks { get; private set; } = null!;

    public SmtpSink Mail { get; private set; } = null!;

    public LocalFunctionApp App { get; private set; } = null!;

    public SimulatedSpace Space => Coworks.Space(SpaceId);

    public async Task InitializeAsync()
    {
        Coworks = await CoworksSimulator.StartAsync();
        Coworks.AddSpace(SpaceId, ApiKey).AddPlan("pln_flex", "Flex").AddPlan("pln_full", "Full-time").AddPlan("pln_dedicated", "Dedicated").AddPlan("pln_virtual", "Virtual");
        Mail = await SmtpSink.StartAsync();
        App = NewApp(dataPath: null, _services);
        await ConnectAsync(ConnectorId, autoProvision: true);
    }

    /// <summary>Another instance of CoworkSync on the same storage and secrets (its own queue), as a scaled-out app has.</summary>
    public LocalFunctionApp StartAnotherInstance(Action<IServiceCollection>? services = null)
    {
        var other = NewApp(App.DataPath, services);
        _others.Add(other);
        _ = other.Server;
        return other;
    }

    private readonly List<LocalFunctionApp> _others = [];

    private LocalFunctionApp NewApp(string? dataPath, Action<IServiceCollection>? services)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = SmtpSink.Host,
            ["Email:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:SenderAddress"] = "wifi@space.example",
            ["Email:NetworkName"] = "Mitte-Members",
            ["Coworks:RetryBaseDelay"] = "00:00:00.050",
            // Syncs run when a test starts them, so their counts are the test's own.
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            ["Coworks:MaxRetryDelay"] = "00:00:05",
        };
        foreach (var (name, value) in _settings ?? new Dictionary<string, string?>())
            settings[name] = value;
        if (dataPath is not null)
            settings["LocalData:Path"] = dataPath;
        return new LocalFunctionApp(_azurite.ConnectionString, settings) { ConfigureServices = services };
    }

    public async Task ConnectAsync(string connectorId, bool autoProvision)
    {
        var admin = App.Admin();
        var put = await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
        {
            platform = "coworks",
            displayName = "Berlin Mitte",
            locations = new[] { new { id = "loc_1", name = "Mitte", timeZone = "Europe/Berlin" } },
            coworks = new { apiBaseUrl = Coworks.BaseUrl.ToString(), spaceId = SpaceId },
            settings = new { autoProvision, autoDeprovision = true, syncIntervalMinutes = 15, sendWelcomeEmail = true },
        });
        put.EnsureSuccessStatusCode();
        var secrets = await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}/secrets", new { apiKey = ApiKey, webhookSecret = WebhookSecret });
        secrets.EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> SendWebhookAsync(string type, SimulatedMember member, DateTimeOffset? at = null, string? eventId = null, string? connectorId = null)
    {
        var webhook = CoworksWebhooks.Build(SpaceId, type, member, WebhookSecret, at, eventId);
        return await App.CreateClient().SendAsync(webhook.ToRequest(connectorId ?? ConnectorId));
    }

    /// <summary>Starts a sync of the connector through the admin API and waits until its run has ended (succeeded or failed).</summary>
    /// <returns>The run as <c>GET …/sync-runs</c> lists it.</returns>
    public async Task<JsonElement> SyncAsync(TimeSpan? timeout = null)
    {
        var start = await App.Admin().PostAsync($"/api/admin/connectors/{ConnectorId}/sync", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        var runs = await Eventually.GetAsync(
            () => App.GetJsonAsync($"/api/admin/connectors/{ConnectorId}/sync-runs"),
            r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("runId").GetString() == runId && i.GetProperty("state").GetString() is "succeeded" or "failed"),
            "the sync run to finish", timeout ?? TimeSpan.FromSeconds(90));
        return runs.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("runId").GetString() == runId);
    }

    public Task<JsonElement> MemberAsync(string memberId) =>
        App.GetJsonAsync($"/api/admin/connectors/{ConnectorId}/members/{memberId}");

    /// <summary>Waits until the member is stored and passes <paramref name="isDone"/>.</summary>
    public Task<JsonElement> WaitForMemberAsync(string memberId, Func<JsonElement, bool> isDone, string what) =>
        Eventually.GetAsync(async () =>
        {
            var response = await App.Admin().GetAsync($"/api/admin/connectors/{ConnectorId}/members/{memberId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, m => m.ValueKind == JsonValueKind.Object && isDone(m), what);

    public async Task DisposeAsync()
    {
        foreach (var other in _others)
            await other.DisposeAsync();
        await App.DisposeAsync();
        await Mail.DisposeAsync();
        await Coworks.DisposeAsync();
    }
}
