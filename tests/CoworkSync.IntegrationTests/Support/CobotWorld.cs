using CoworkSync.Platforms.Cobot;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// A Cobot space played by <see cref="CobotSimulator"/>, and CoworkSync in local mode on real Azurite with a clock the
/// test can move. Disposing it fails the test if CoworkSync called an endpoint the simulator does not serve. Plans: Flex (pln_flex), Team (pln_team, hidden; mapped to two groups), Virtual (no WiFi).
/// </summary>
public sealed class CobotWorld : IAsyncLifetime
{
    public const string Token = "cobot-token-for-tests";
    public const string PublicBaseUrl = "https://coworksync.test";

    private readonly AzuriteFixture _azurite;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _cobotTime;

    /// <param name="services">More service changes for the app (a log capture, a clock for the Cobot client).</param>
    /// <param name="settings">More app settings.</param>
    /// <param name="cobotTime">The simulator's clock; the system clock when null.</param>
    public CobotWorld(AzuriteFixture azurite, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? cobotTime = null)
    {
        _azurite = azurite;
        _services = services;
        _settings = settings ?? new Dictionary<string, string?>();
        _cobotTime = cobotTime;
    }

    public string ConnectorId { get; } = "coup-" + Guid.NewGuid().ToString("N")[..10];

    public CobotSimulator Cobot { get; private set; } = null!;

    public LocalFunctionApp App { get; private set; } = null!;

    public ShiftableTimeProvider Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Cobot = await CobotSimulator.StartAsync(_cobotTime);
        Cobot.AddPlan("pln_flex", "Flex").AddPlan("pln_team", "Team", hidden: true).AddPlan("pln_virtual", "Virtual").AddField("fld_phone", "Phone");
        var settings = new Dictionary<string, string?>
        {
            ["Cobot:PublicBaseUrl"] = PublicBaseUrl,
            // Syncs run when a test starts them, so their counts are the test's own.
            ["AzureWebJobs.PollCobot.Disabled"] = "true",
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
        };
        foreach (var (key, value) in _settings)
            settings[key] = value;
        App = new LocalFunctionApp(_azurite.ConnectionString, settings)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                _services?.Invoke(services);
            },
        };
        await CreateConnectorAsync(customFieldGroups: false);
    }

    public async Task CreateConnectorAsync(bool customFieldGroups)
    {
        var admin = App.Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{ConnectorId}", new
        {
            platform = "cobot",
            displayName = "Co-Up",
            locations = new[] { new { id = "loc_1", name = "Berlin", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "coup-ap-*" } } },
            // Each host as Cobot documents it: API1 on the space's subdomain, OAuth, space details and tokens on www.
            cobot = new { subdomain = CobotSimulator.Subdomain, apiBaseUrl = Cobot.BaseUrl.ToString(), oauthBaseUrl = Cobot.OAuthBaseUrl.ToString(), customFieldGroups },
            settings = new { autoProvision = true, autoDeprovision = true, syncIntervalMinutes = 60, sendWelcomeEmail = false },
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{ConnectorId}/plan-mappings", new object[]
        {
            new { planId = "pln_flex", planName = "Flex", groups = new[] { "flex" } },
            new { planId = "pln_team", planName = "Team", groups = new[] { "flex", "dedicated" } },
            new { planId = "pln_virtual", planName = "Virtual", groups = Array.Empty<string>() },
        })).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Connects with an access token created at Cobot (the operator's alternative to OAuth). CoworkSync then uses the
    /// space's token Cobot creates from it (<see cref="AccessTokenAsync"/>), not <see cref="Token"/> itself.
    /// </summary>
    public async Task ConnectWithTokenAsync()
    {
        Cobot.AddToken(Token);
        (await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{ConnectorId}/secrets", new { accessToken = Token })).EnsureSuccessStatusCode();
    }

    /// <summary>Starts a sync and waits for it to end; returns the run.</summary>
    public async Task<JsonElement> SyncAsync(TimeSpan? limit = null)
    {
        var started = await App.Admin().PostAsync($"/api/admin/connectors/{ConnectorId}/sync", null);
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        return await Eventually.GetAsync(async () =>
        {
            var runs = await App.GetJsonAsync($"/api/admin/connectors/{ConnectorId}/sync-runs?max=5");
            return runs.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("runId").GetString() == runId);
        }, r => r.ValueKind == JsonValueKind.Object && r.GetProperty("state").GetString() is "succeeded" or "failed", $"sync run {runId}", limit);
    }

    /// <summary>The access token CoworkSync stored and uses: the space's token Cobot created when the space was connected.</summary>
    public async Task<string> AccessTokenAsync() =>
        await App.Services.GetRequiredService<ConnectorSecrets>().GetAsync(CobotSecretNames.AccessToken(ConnectorId), CancellationToken.None)
        ?? throw new InvalidOperationException("No access token yet: connect first.");

    public async Task<string> CallbackTokenAsync() =>
        await App.Services.GetRequiredService<ConnectorSecrets>().GetAsync(CobotSecretNames.CallbackToken(ConnectorId), CancellationToken.None)
        ?? throw new InvalidOperationException("No callback token yet: sync or connect first.");

    public async Task<HttpResponseMessage> WebhookAsync(string body, string? token = null) =>
        await App.CreateClient().PostAsync($"/api/webhooks/cobot/{ConnectorId}/{token ?? await CallbackTokenAsync()}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Waits until the event queue has applied <paramref name="eventIds"/> (their processed-event records say so).</summary>
    public async Task WaitForAppliedAsync(IReadOnlyCollection<string> eventIds, TimeSpan? limit = null)
    {
        var table = await App.Services.GetRequiredService<StateTables>().GetAsync(TableNames.ProcessedEvents, CancellationToken.None);
        var pending = new HashSet<string>(eventIds, StringComparer.Ordinal);
        await Eventually.GetAsync(async () =>
        {
            var applied = new List<string>();
            await foreach (var record in table.QueryAsync<TableEntity>(e => e.PartitionKey == TableKey.Escape(ConnectorId), select: ["RowKey", "State"]))
            {
                if (record.GetString("State") == "Applied")
                    applied.Add(TableKey.Unescape(record.RowKey));
            }
            pending.ExceptWith(applied);
            return pending.Count;
        }, count => count == 0, $"{eventIds.Count} events applied", limit);
    }

    public Task<JsonElement> ConnectorAsync() => App.GetJsonAsync($"/api/admin/connectors/{ConnectorId}");

    public Task<JsonElement> WaitForMemberAsync(string memberId, Func<JsonElement, bool> isDone, string what) =>
        Eventually.GetAsync(async () =>
        {
            var response = await App.Admin().GetAsync($"/api/admin/connectors/{ConnectorId}/members/{memberId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, m => m.ValueKind == JsonValueKind.Object && isDone(m), what);

    public static CobotSimMembership Member(string id, string planId = "pln_flex", bool confirmed = true, string? email = null) => new()
    {
        Id = id,
        Name = $"Member {id}",
        // Accounts are keyed by user name across connectors: worlds sharing one Azurite must not share emails.
        Email = email ?? $"{id}.{Guid.NewGuid().ToString("N")[..8]}@example.com",
        UserId = "u-" + id,
        PlanId = planId,
        ConfirmedAt = confirmed ? new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero) : null,
        StartsAt = new DateOnly(2026, 1, 1),
    };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Cobot.DisposeAsync();
    }
}
