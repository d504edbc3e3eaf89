using CoworkSync.Platforms.Coworks;
using System.Net;
using System.Net.Http.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// CoworkSync in local mode on an Azurite of its own (tests here change access groups) with a connector whose three
/// locations have access points (Mitte, the first, and Kreuzberg in Berlin; Manhattan in New York), members
/// provisioned straight through the reconciler, and a clock the test moves.
/// </summary>
/// <param name="maxSessionTimeoutSeconds">
/// <c>Radius:MaxSessionTimeoutSeconds</c>; a day by default so that tests see the groups' own terms.
/// </param>
/// <param name="onLoopback">
/// Serve on a real loopback socket (for FreeRADIUS in front) instead of in memory; <see cref="StopAppAsync"/> and
/// <see cref="StartAppAgainAsync"/> then take CoworkSync down and bring it back on the same port and state.
/// </param>
/// <param name="settings">More app settings (e.g. log levels for a load run).</param>
/// <param name="services">More service changes (e.g. a log collector), applied after the world's clock.</param>
/// <param name="clock">
/// The apps' clock instead of <see cref="Clock"/>: a clock the test alone moves (<c>FakeTimeProvider</c>), for tests of
/// time bounds; the queue pump and timers then wait for it too.
/// </param>
public sealed class RadiusWorld(
    int maxSessionTimeoutSeconds = 86_400,
    bool onLoopback = false,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    TimeProvider? clock = null) : IAsyncLifetime
{
    public const string ConnectorId = "radius-space";

    /// <summary>Monday 2026-11-23 10:00 in Berlin: inside the flex window, in the cycle anchored on the 1st.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "coworksync-radius-" + Guid.NewGuid().ToString("N"));
    private AzuriteInstance _azurite = null!;
    private int _port;

    public ShiftableTimeProvider Clock { get; } = new();

    public LocalFunctionApp App { get; private set; } = null!;

    private readonly List<LocalFunctionApp> _others = [];

    /// <summary>Where CoworkSync listens when on loopback.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{_port}");

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        Clock.SetNow(MondayMorning);
        App = NewApp();
        StartOnLoopback();
        await App.Services.GetRequiredService<ConnectorStore>().SaveAsync(new Connector
        {
            Id = ConnectorId,
            Platform = CoworksPlatform.PlatformName,
            DisplayName = "RADIUS space",
            PlatformSettings = new CoworksConnectorSettings(new Uri("http://127.0.0.1:9/"), "spc_radius").ToPlatformSettings(),
            Locations =
            [
                new ConnectorLocation("loc_mitte", "Mitte", "Europe/Berlin", ["mitte-ap-*", "*:Mitte-Members"]),
                new ConnectorLocation("loc_kreuzberg", "Kreuzberg", "Europe/Berlin", ["kreuzberg-ap-*"]),
                new ConnectorLocation("loc_manhattan", "Manhattan", "America/New_York", ["manhattan-ap-*"]),
            ],
        }, CancellationToken.None);
    }

    /// <summary>Takes CoworkSync down: its port stops answering.</summary>
    public async Task StopAppAsync() => await App.DisposeAsync();

    /// <summary>Brings CoworkSync back on the same port, with the same storage, secrets and clock.</summary>
    public Task StartAppAgainAsync()
    {
        App = NewApp();
        StartOnLoopback();
        return Task.CompletedTask;
    }

    /// <summary>Another instance of CoworkSync on the same storage, secrets and clock, as a scaled-out app has (in memory).</summary>
    public LocalFunctionApp StartAnotherInstance()
    {
        var other = NewApp();
        _others.Add(other);
        _ = other.Server;
        return other;
    }

    /// <summary>Provisions a member and returns their user name and clear password.</summary>
    /// <param name="location">The member's location as the platform names it; null when it names none.</param>
    /// <param name="email">The member's email (their user name); made up when null.</param>
    public async Task<(string Username, string Password)> MemberAsync(string plan = "Flex", MemberStatus status = MemberStatus.Active, string? location = "loc_mitte", string? email = null)
    {
        var id = "mem_" + Guid.NewGuid().ToString("N")[..10];
        var result = await App.Services.GetRequiredService<MemberReconciler>().ReconcileAsync(new ReconcileRequest(ConnectorId, new PlatformMember
        {
            MemberId = id,
            Email = email ?? $"{id}@example.com",
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

    /// <summary>Takes the member's state to suspended, as a newer platform update would.</summary>
    public async Task SuspendAsync(string username)
    {
        var account = await App.Services.GetRequiredService<AccountStore>().GetAsync(username, CancellationToken.None)
            ?? throw new InvalidOperationException($"No account {username}");
        await App.Services.GetRequiredService<MemberReconciler>().ReconcileAsync(new ReconcileRequest(ConnectorId, new PlatformMember
        {
            MemberId = account.MemberId,
            Email = $"{account.MemberId}@example.com",
            Status = MemberStatus.Suspended,
            MembershipStatus = MembershipStatus.Active,
            PlanName = "Flex",
            LocationId = "loc_mitte",
            BillingCycleAnchor = new DateOnly(2026, 11, 1),
            UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
        }, new ConnectorSettings(), PlanMapping.Defaults), CancellationToken.None);
    }

    /// <summary>Gives the account a password of the test's choosing, stored as CoworkSync stores every password.</summary>
    public async Task SetPasswordAsync(string username, string password)
    {
        var accounts = App.Services.GetRequiredService<AccountStore>();
        var account = await accounts.GetAsync(username, CancellationToken.None) ?? throw new InvalidOperationException($"No account {username}");
        var protectedPassword = await App.Services.GetRequiredService<IPasswordProtector>().ProtectAsync(password, username, CancellationToken.None);
        await accounts.UpdateAsync(account with { ProtectedPassword = protectedPassword }, CancellationToken.None);
    }

    /// <param name="device">The device's MAC (Calling-Station-Id); none sent when null.</param>
    /// <param name="on">The instance to ask; <see cref="App"/> when null.</param>
    public Task<HttpResponseMessage> AuthorizeAsync(string username, string nasIdentifier = "mitte-ap-1", string? device = null, LocalFunctionApp? on = null) =>
        (on ?? App).CreateClient().PostAsync($"/api/radius/authorize?code={LocalFunctionApp.FunctionKey}", RlmRest(WithDevice(new Dictionary<string, object>
        {
            ["User-Name"] = username,
            ["NAS-Identifier"] = nasIdentifier,
            ["Called-Station-Id"] = "AA-BB-CC-DD-EE-FF:Guests",
        }, device)));

    /// <param name="device">The device's MAC (Calling-Station-Id); none sent when null.</param>
    /// <param name="on">The instance to tell; <see cref="App"/> when null.</param>
    public Task<HttpResponseMessage> AccountingAsync(string status, string username, string sessionId, long seconds, string nas = "mitte-ap-1", string? device = null, LocalFunctionApp? on = null) =>
        (on ?? App).CreateClient().PostAsync($"/api/radius/accounting?code={LocalFunctionApp.FunctionKey}", RlmRest(WithDevice(new Dictionary<string, object>
        {
            ["Acct-Status-Type"] = status,
            ["User-Name"] = username,
            ["Acct-Unique-Session-Id"] = sessionId,
            ["Acct-Session-Time"] = seconds,
            ["NAS-Identifier"] = nas,
        }, device)));

    /// <summary>The access point restarted (<c>Accounting-On</c>) or is going down (<c>Accounting-Off</c>).</summary>
    public Task<HttpResponseMessage> NasAccountingAsync(string status, string nas) =>
        App.CreateClient().PostAsync($"/api/radius/accounting?code={LocalFunctionApp.FunctionKey}", RlmRest(new Dictionary<string, object>
        {
            ["Acct-Status-Type"] = status,
            ["NAS-Identifier"] = nas,
        }));

    private static Dictionary<string, object> WithDevice(Dictionary<string, object> attributes, string? device)
    {
        if (device is not null)
            attributes["Calling-Station-Id"] = device;
        return attributes;
    }

    /// <summary>The body rlm_rest sends: every attribute as {"type":…,"value":[…]}.</summary>
    public static JsonContent RlmRest(Dictionary<string, object> attributes) =>
        JsonContent.Create(attributes.ToDictionary(a => a.Key, a => (object)new { type = a.Value is string ? "string" : "integer", value = new[] { a.Value } }));

    public async Task DisposeAsync()
    {
        foreach (var other in _others)
            await other.DisposeAsync();
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
        if (Directory.Exists(_dataPath))
            Directory.Delete(_dataPath, recursive: true);
    }

    private LocalFunctionApp NewApp()
    {
        var appSettings = new Dictionary<string, string?>
        {
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            ["LocalData:Path"] = _dataPath,
            ["Radius:MaxSessionTimeoutSeconds"] = maxSessionTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            appSettings[key] = value;
        return new LocalFunctionApp(_azurite.ConnectionString, appSettings)
        {
            ConfigureServices = appServices =>
            {
                appServices.AddSingleton<TimeProvider>(clock ?? Clock);
                services?.Invoke(appServices);
            },
        };
    }

    private void StartOnLoopback()
    {
        if (!onLoopback)
            return;
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _port = new Uri(address).Port;
    }
}
