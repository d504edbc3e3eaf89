using System.Net.Http.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Provisioning;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// The member portal as members reach it: CoworkSync in local mode on a loopback port chosen up front (its address is
/// the portal address emails link to and the public URL Cobot sends members back to), its own Azurite, the Cobot
/// simulator as the OAuth provider and both Cobot spaces' host, a real SMTP sink (aiosmtpd) for the emails, and a real
/// FreeRADIUS in front of it when a test asks for one. Two Cobot spaces and a Coworks space with demo-like members,
/// accounts and sessions, set up through the admin API and the product's own provisioning. The app's clock can be moved
/// (links that expire).
/// </summary>
public sealed class PortalSite() : BrowserSite("portal")
{
    public const string AdminKey = LocalFunctionApp.FunctionKey;
    public const string Coworks = "berlin-mitte";
    public const string CoUp = "co-up";
    public const string CoDown = "co-down";
    public const string MitteNetwork = "Mitte Members";
    public const string RadiusServerName = "radius.coworksync.test";
    public const string MitteAccessPoint = "mitte-ap-1";

    /// <summary>A Cobot user with memberships in both connected Cobot spaces, and one in a space CoworkSync does not manage.</summary>
    public static readonly CobotSimUser Alex = new("user-alex", "alex@example.com",
    [
        new("ms-alex-up", CobotSimulator.Subdomain, "Co-Up Hamburg"),
        new("ms-alex-down", "co-down", "Co-Down Kiel"),
        new("ms-alex-elsewhere", "elsewhere", "Somewhere Else"),
    ]);

    /// <summary>Another Cobot member of Co-Up: Alex must never reach Bo's account.</summary>
    public static readonly CobotSimUser Bo = new("user-bo", "bo@example.com", [new("ms-bo-up", CobotSimulator.Subdomain, "Co-Up Hamburg")]);

    /// <summary>A Cobot user none of whose memberships is at a connected space.</summary>
    public static readonly CobotSimUser Stranger = new("user-stranger", "stranger@example.com", [new("ms-stranger", "elsewhere", "Somewhere Else")]);

    private readonly SemaphoreSlim _radiusStart = new(1, 1);
    private FreeRadiusServer? _radius;

    public CobotSimulator Cobot { get; private set; } = null!;

    public SmtpSink Mail { get; private set; } = null!;

    /// <summary>The app's clock: the system clock moved by what a test sets (put it back when done).</summary>
    public ShiftableTimeProvider Clock { get; } = new();

    protected override Uri[] OtherOrigins => [Cobot.OAuthBaseUrl];

    /// <summary>A real FreeRADIUS (infra/radius) in front of this app, started on first use and shared.</summary>
    public async Task<RadClient> RadiusAsync()
    {
        await _radiusStart.WaitAsync();
        try
        {
            _radius ??= await FreeRadiusServer.StartAsync(BaseUrl, AdminKey);
            return new RadClient(_radius.Endpoint);
        }
        finally
        {
            _radiusStart.Release();
        }
    }

    public HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return admin;
    }

    protected override async Task StartNeighboursAsync()
    {
        Cobot = await CobotSimulator.StartAsync();
        Cobot.AddUser(Alex).AddUser(Bo).AddUser(Stranger);
        Mail = await SmtpSink.StartAsync();
    }

    protected override IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = SmtpSink.Host,
        ["Email:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpSecurity"] = "None",
        ["Email:SenderAddress"] = "wifi@coworksync.test",
        ["Email:NetworkName"] = "CoworkSync",
        ["Email:PortalUrl"] = new Uri(BaseUrl, "portal").AbsoluteUri,
        ["Cobot:PublicBaseUrl"] = BaseUrl.AbsoluteUri.TrimEnd('/'),
        ["Cobot:SignInBaseUrl"] = Cobot.OAuthBaseUrl.AbsoluteUri,
        // Every browser here is 127.0.0.1: the per-client limit is the integration tests' to show, not a budget to share.
        ["Portal:PerClientLimit"] = "1000",
    };

    protected override void ConfigureAppServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task StopBeforeAppAsync()
    {
        if (_radius is not null)
            await _radius.DisposeAsync();
    }

    protected override async Task StopNeighboursAsync()
    {
        if (Mail is not null)
            await Mail.DisposeAsync();
        if (Cobot is not null)
            await Cobot.DisposeAsync();
    }

    protected override async Task SetUpAsync()
    {
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{Coworks}", new
        {
            platform = "coworks",
            displayName = "Berlin Mitte",
            locations = new[]
            {
                new { id = "loc_mitte", name = "Mitte", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "mitte-ap-*" }, networkName = MitteNetwork, serverCertificateName = RadiusServerName },
            },
            coworks = new { apiBaseUrl = "http://127.0.0.1:9/", spaceId = "spc_mitte" },
        })).EnsureSuccessStatusCode();
        foreach (var (id, name, subdomain, api, location) in new[]
        {
            (CoUp, "Co-Up Hamburg", CobotSimulator.Subdomain, Cobot.BaseUrl.AbsoluteUri, "Hamburg"),
            (CoDown, "Co-Down Kiel", "co-down", "http://127.0.0.1:9/", "Kiel"),
        })
        {
            (await admin.PutAsJsonAsync($"/api/admin/connectors/{id}", new
            {
                platform = "cobot",
                displayName = name,
                locations = new[] { new { id = "loc_" + subdomain, name = location, timeZone = "Europe/Berlin", nasIdentifiers = new[] { subdomain + "-ap-*" }, networkName = location + " Members", serverCertificateName = $"radius.{subdomain}.test" } },
                cobot = new { subdomain, apiBaseUrl = api, oauthBaseUrl = Cobot.OAuthBaseUrl.AbsoluteUri },
            })).EnsureSuccessStatusCode();
        }
        (await admin.PutAsJsonAsync("/api/admin/portal/sign-in/cobot", new { clientId = CobotSimulator.ClientId, clientSecret = CobotSimulator.ClientSecret }))
            .EnsureSuccessStatusCode();

        await MemberAsync(Coworks, "mem_ada", "Ada", "Lovelace", "ada@example.com", "Flex", "loc_mitte");
        await MemberAsync(Coworks, "mem_grace", "Grace", "Hopper", "grace@example.com", "Dedicated", "loc_mitte");
        await MemberAsync(Coworks, "mem_charles", "Charles", "Babbage", "charles@example.com", "Full-time", "loc_mitte");
        await MemberAsync(Coworks, "mem_charles", "Charles", "Babbage", "charles@example.com", "Full-time", "loc_mitte", MemberStatus.Suspended, version: 2);
        await MemberAsync(Coworks, "mem_margaret", "Margaret", "Hamilton", "margaret@example.com", "Virtual", "loc_mitte");
        await MemberAsync(CoUp, "ms-alex-up", "Alex", "Lang", Alex.Email, "Full-time", null);
        await MemberAsync(CoDown, "ms-alex-down", "Alex", "Lang", Alex.Email, "Flex", null);
        await MemberAsync(CoUp, "ms-bo-up", "Bo", "Berg", Bo.Email, "Dedicated", null);
        await SessionsAsync(Coworks, "ada@example.com");
        await SessionsAsync(CoUp, Alex.Email);
    }

    /// <summary>A member as their platform would report them, provisioned by the product (account, password, welcome email).</summary>
    public async Task MemberAsync(string connectorId, string memberId, string first, string last, string email, string plan, string? location,
        MemberStatus status = MemberStatus.Active, int version = 1)
    {
        var connector = (await App.Services.GetRequiredService<ConnectorStore>().GetAsync(connectorId, CancellationToken.None))!;
        await App.Services.GetRequiredService<MemberProvisioner>().ProvisionAsync(new ReconcileRequest(connectorId, new PlatformMember
        {
            MemberId = memberId,
            FirstName = first,
            LastName = last,
            Email = email,
            Status = status,
            MembershipStatus = MembershipStatus.Active,
            PlanName = plan,
            LocationId = location,
            BillingCycleAnchor = new DateOnly(2026, 1, 1),
            UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(version),
        }, connector.Settings, connector.PlanMappings), CancellationToken.None);
    }

    /// <summary>A few sessions of this billing cycle, one still online, as accounting reports them.</summary>
    private async Task SessionsAsync(string connectorId, string username)
    {
        var usage = App.Services.GetRequiredService<UsageLedger>();
        var now = Clock.GetUtcNow();
        var account = (await App.Services.GetRequiredService<CoworkSync.Members.Accounts.AccountStore>().GetAsync(username, CancellationToken.None))!;
        var connector = await App.Services.GetRequiredService<ConnectorCache>().GetAsync(connectorId, CancellationToken.None);
        var ap = connector!.Locations[0].NasPatterns[0].TrimEnd('*');
        var cycle = AccountCycle.Containing(account, now, RadiusLocations.MemberZone(connector, account));
        (string Id, TimeSpan Ago, int Seconds, bool Closes, string Nas)[] sessions =
        [
            ("laptop-1", TimeSpan.FromMinutes(2), 5400, false, ap + "1"),
            ("phone-1", TimeSpan.FromHours(20), 3 * 3600 + 1200, true, ap + "2"),
            ("laptop-0", TimeSpan.FromHours(44), 6 * 3600, true, ap + "1"),
        ];
        foreach (var (id, ago, seconds, closes, nas) in sessions)
            await usage.RecordAsync(username, cycle.Key, new SessionReport(id, seconds, closes, nas, "AA-BB-CC-00-00-" + id.Length, now - ago), CancellationToken.None);
        await usage.FlushAsync(CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalSiteCollection : ICollectionFixture<PortalSite>
{
    public const string Name = "portal site";
}
