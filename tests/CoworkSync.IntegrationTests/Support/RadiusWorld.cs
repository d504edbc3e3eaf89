using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Accounts;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// CoworkSync in local mode on an Azurite of its own (tests here change access groups) with a connector whose two
/// locations have access points, members provisioned straight through the reconciler, and a clock the test moves.
/// </summary>
public sealed class RadiusWorld : IAsyncLifetime
{
    public const string ConnectorId = "radius-space";

    /// <summary>Monday 2026-11-23 10:00 in Berlin: inside the flex window, in the cycle anchored on the 1st.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private AzuriteInstance _azurite = null!;

    public ShiftableTimeProvider Clock { get; } = new();

    public LocalFunctionApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        App = new LocalFunctionApp(_azurite.ConnectionString, new Dictionary<string, string?> { ["AzureWebJobs.PollCoworks.Disabled"] = "true" })
        {
            ConfigureServices = services => services.AddSingleton<TimeProvider>(Clock),
        };
        Clock.SetNow(MondayMorning);
        await App.Services.GetRequiredService<ConnectorStore>().SaveAsync(new Connector
        {
            Id = ConnectorId,
            Platform = Platforms.Coworks,
            DisplayName = "RADIUS space",
            Coworks = new CoworksConnectorSettings(new Uri("http://127.0.0.1:9/"), "spc_radius"),
            Locations =
            [
                new ConnectorLocation("loc_mitte", "Mitte", "Europe/Berlin", ["mitte-ap-*", "*:Mitte-Members"]),
                new ConnectorLocation("loc_kreuzberg", "Kreuzberg", "Europe/Berlin", ["kreuzberg-ap-*"]),
            ],
        }, CancellationToken.None);
    }

    /// <summary>Provisions a member and returns their user name and clear password.</summary>
    public async Task<(string Username, string Password)> MemberAsync(string plan = "Flex", MemberStatus status = MemberStatus.Active, string location = "loc_mitte")
    {
        var id = "mem_" + Guid.NewGuid().ToString("N")[..10];
        var result = await App.Services.GetRequiredService<MemberReconciler>().ReconcileAsync(new ReconcileRequest(ConnectorId, new PlatformMember
        {
            MemberId = id,
            Email = $"{id}@example.com",
            Status = status,
            MembershipStatus = MembershipStatus.Active,
            PlanName = plan,
            LocationId = location,
            BillingCycleAnchor = new DateOnly(2026, 11, 1),
            UpdatedAt = DateTimeOffset.UtcNow,
        }, new ConnectorSettings(), PlanMapping.Defaults), CancellationToken.None);
        var account = result.Account ?? throw new InvalidOperationException($"No account: {result.Member.Reason}");
        var password = await App.Services.GetRequiredService<IPasswordProtector>().UnprotectAsync(account.ProtectedPassword, account.Username, CancellationToken.None);
        return (account.Username, password);
    }

    public Task<HttpResponseMessage> AuthorizeAsync(string username, string nasIdentifier = "mitte-ap-1") =>
        App.CreateClient().PostAsync($"/api/radius/authorize?code={LocalFunctionApp.FunctionKey}", RlmRest(new Dictionary<string, object>
        {
            ["User-Name"] = username,
            ["NAS-Identifier"] = nasIdentifier,
            ["Called-Station-Id"] = "AA-BB-CC-DD-EE-FF:Guests",
        }));

    public Task<HttpResponseMessage> AccountingAsync(string status, string username, string sessionId, long seconds, string nas = "mitte-ap-1") =>
        App.CreateClient().PostAsync($"/api/radius/accounting?code={LocalFunctionApp.FunctionKey}", RlmRest(new Dictionary<string, object>
        {
            ["Acct-Status-Type"] = status,
            ["User-Name"] = username,
            ["Acct-Unique-Session-Id"] = sessionId,
            ["Acct-Session-Time"] = seconds,
            ["NAS-Identifier"] = nas,
        }));

    /// <summary>The body rlm_rest sends: every attribute as {"type":…,"value":[…]}.</summary>
    public static JsonContent RlmRest(Dictionary<string, object> attributes) =>
        JsonContent.Create(attributes.ToDictionary(a => a.Key, a => (object)new { type = a.Value is string ? "string" : "integer", value = new[] { a.Value } }));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
