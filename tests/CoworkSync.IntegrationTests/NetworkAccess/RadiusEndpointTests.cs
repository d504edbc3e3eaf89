using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>The rlm_rest endpoints over HTTP, as FreeRADIUS calls them, against real Table Storage and a moved clock.</summary>
public sealed class RadiusEndpointTests : IAsyncLifetime
{
    private readonly RadiusWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Authorize_FlexMemberAtHome_GetsTheLiteralPasswordAndTheGroupsTerms()
    {
        var (username, password) = await _world.MemberAsync("Flex");

        var response = await _world.AuthorizeAsync(username);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cleartext = reply.GetProperty("control:Cleartext-Password");
        Assert.Equal(password, cleartext.GetProperty("value")[0].GetString());
        Assert.False(cleartext.GetProperty("do_xlat").GetBoolean());
        // 10:00 in Berlin, window until 20:00: the session ends with the window (40 h are left). The shifted clock
        // runs on while the test does, so the window is up to a minute nearer.
        Assert.InRange(reply.GetProperty("reply:Session-Timeout").GetInt64(), (10 * 3600) - 60, 10 * 3600);
        Assert.Equal("RADIUS-Request", reply.GetProperty("reply:Termination-Action").GetString());
        Assert.Equal(300, reply.GetProperty("reply:Acct-Interim-Interval").GetInt32());
        Assert.Equal(10_000_000, reply.GetProperty("reply:WISPr-Bandwidth-Max-Down").GetInt64());
    }

    [Fact]
    public async Task Authorize_UnknownUser_Is404()
    {
        var response = await _world.AuthorizeAsync("nobody@example.com");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_WithoutTheKey_Is401WithNoBody()
    {
        var response = await _world.App.CreateClient().PostAsync("/api/radius/authorize", RadiusWorld.RlmRest(new() { ["User-Name"] = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("kreuzberg-ap-3", "Not at this location")]
    [InlineData("airport-ap-1", "not known")]
    public async Task Authorize_AtAnotherOrUnknownNas_IsDeniedWithTheReason(string nas, string reason)
    {
        var (username, _) = await _world.MemberAsync("Flex");

        var response = await _world.AuthorizeAsync(username, nas);

        await AssertDeniedAsync(response, reason);
    }

    [Fact]
    public async Task Authorize_MemberWhosePlatformNamesNoLocation_IsAdmittedAtEveryLocationOfTheConnector_ButNotAtAnUnknownNas()
    {
        var (username, _) = await _world.MemberAsync("Full-time", location: null);

        foreach (var nas in new[] { "mitte-ap-1", "kreuzberg-ap-3", "manhattan-ap-1" })
            Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, nas)).StatusCode);
        await AssertDeniedAsync(await _world.AuthorizeAsync(username, "airport-ap-1"), "not known");
    }

    [Fact]
    public async Task MemberWithoutALocation_CountsTheCycleInTheConnectorsFirstLocationsZone_WhicheverAccessPointAsks()
    {
        var (username, _) = await _world.MemberAsync("Flex", location: null);
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero)); // Monday 23:00 in Berlin, 17:00 in New York
        await _world.AccountingAsync("Start", username, "s1", 0, nas: "manhattan-ap-1");
        await _world.AccountingAsync("Stop", username, "s1", 40 * 3600, nas: "manhattan-ap-1");
        await AssertDeniedAsync(await _world.AuthorizeAsync(username, "manhattan-ap-1"), "Hours used up");

        // December's cycle has begun in Berlin (Mitte, the connector's first location), not yet in New York.
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, "manhattan-ap-1")).StatusCode);
        var usage = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), usage.GetProperty("cycleStart").GetDateTimeOffset());
        Assert.Equal(40, usage.GetProperty("remainingHours").GetDouble());
    }

    [Fact]
    public async Task Authorize_SuspendedMember_IsDenied()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await _world.SuspendAsync(username);

        await AssertDeniedAsync(await _world.AuthorizeAsync(username), "disabled");
    }

    [Fact]
    public async Task Authorize_OutsideTheTimeWindow_IsDenied_AndFullTimeIsNot()
    {
        var (flex, _) = await _world.MemberAsync("Flex");
        var (fullTime, _) = await _world.MemberAsync("Full-time");
        _world.Clock.SetNow(RadiusWorld.MondayMorning.AddHours(12));

        await AssertDeniedAsync(await _world.AuthorizeAsync(flex), "Outside the allowed hours");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(fullTime)).StatusCode);
    }

    [Fact]
    public async Task Accounting_ReducesTheRemainingHours_DuplicatesDoNotCount_AndANewCycleGivesThemBack()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        var used = (40 * 3600) - 1800;

        await _world.AccountingAsync("Start", username, "s1", 0);
        await _world.AccountingAsync("Interim-Update", username, "s1", used / 2);
        await _world.AccountingAsync("Interim-Update", username, "s1", used / 2);
        await _world.AccountingAsync("Stop", username, "s1", used);
        await _world.AccountingAsync("Stop", username, "s1", used);

        var reply = await (await _world.AuthorizeAsync(username)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1800, reply.GetProperty("reply:Session-Timeout").GetInt64());
        var usage = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(39.5, usage.GetProperty("usedHours").GetDouble());
        Assert.Equal(0.5, usage.GetProperty("remainingHours").GetDouble());
        Assert.Equal(40, usage.GetProperty("hoursPerCycle").GetDouble());
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), usage.GetProperty("cycleStart").GetDateTimeOffset());

        await _world.AccountingAsync("Start", username, "s2", 0);
        await _world.AccountingAsync("Stop", username, "s2", 1800);
        await AssertDeniedAsync(await _world.AuthorizeAsync(username), "Hours used up");

        Assert.Equal(0, (await UsageShownByTheAdminApiAsync(username)).GetProperty("remainingHours").GetDouble());

        _world.Clock.SetNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var nextCycle = await (await _world.AuthorizeAsync(username)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(nextCycle.GetProperty("reply:Session-Timeout").GetInt64(), (10 * 3600) - 60, 10 * 3600);
        Assert.Equal(40, (await UsageShownByTheAdminApiAsync(username)).GetProperty("remainingHours").GetDouble());
    }

    [Fact]
    public async Task Accounting_ASessionAcrossTheCycleStart_ChargesEachCycleItsOwnPart_AndTheNewCyclesHoursGoDown()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        var decemberStart = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero); // midnight in Berlin
        _world.Clock.SetNow(decemberStart.AddHours(-2));
        await _world.AccountingAsync("Start", username, "laptop", 0);
        _world.Clock.SetNow(decemberStart.AddMinutes(-30));
        await _world.AccountingAsync("Interim-Update", username, "laptop", 5400);

        _world.Clock.SetNow(decemberStart.AddMinutes(30));
        await _world.AccountingAsync("Interim-Update", username, "laptop", 9000);

        // The shifted clock runs on while the test does, so the new cycle's part may be up to a minute longer.
        var usage = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(decemberStart, usage.GetProperty("cycleStart").GetDateTimeOffset());
        Assert.InRange(usage.GetProperty("usedHours").GetDouble(), 0.5, 0.52);
        Assert.InRange(usage.GetProperty("remainingHours").GetDouble(), 39.48, 39.5);
        Assert.Equal(1, usage.GetProperty("openSessions").GetInt32());
        var store = _world.App.Services.GetRequiredService<UsageStore>();
        var december = (await store.GetAsync(username, "2026-12-01", CancellationToken.None)).Sessions["laptop"];
        var november = (await store.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"];
        Assert.Equal(9000, december.Seconds + november.Seconds);
        Assert.True(december.Open);
        Assert.False(november.Open);

        // The access point's index points at December's row, where the session goes on.
        await _world.NasAccountingAsync("Accounting-On", "mitte-ap-1");
        Assert.Equal(0, (await UsageShownByTheAdminApiAsync(username)).GetProperty("openSessions").GetInt32());
    }

    [Fact]
    public async Task Authorize_TooManyDevices_IsDenied_UntilTheNasRestarts()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync("Start", username, $"dev{i}", 0)).StatusCode);

        await AssertDeniedAsync(await _world.AuthorizeAsync(username), "Too many devices");

        await _world.NasAccountingAsync("Accounting-On", "mitte-ap-1");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);
    }

    [Fact]
    public async Task Authorize_AtTheDeviceLimit_AConnectedDeviceAskingAgainIsAccepted_ANewDeviceIsNot()
    {
        var (username, _) = await _world.MemberAsync("Flex"); // at most 3 devices
        for (var i = 0; i < 3; i++)
            await _world.AccountingAsync("Start", username, $"dev{i}", 0, device: $"02-00-00-00-00-0{i}");

        // Its Session-Timeout expired (Termination-Action = RADIUS-Request), so the access point asks for it again.
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, device: "02-00-00-00-00-01")).StatusCode);
        await AssertDeniedAsync(await _world.AuthorizeAsync(username, device: "02-00-00-00-00-09"), "Too many devices");
    }

    [Fact]
    public async Task Accounting_ALowerInterimAfterAHigherOne_DoesNotLowerTheUsage_AndALateInterimAfterStop_DoesNotReopenTheSession()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await _world.AccountingAsync("Start", username, "s1", 0);
        await _world.AccountingAsync("Interim-Update", username, "s1", 7200);

        await _world.AccountingAsync("Interim-Update", username, "s1", 3600);

        var afterReorderedInterims = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(2, afterReorderedInterims.GetProperty("usedHours").GetDouble());
        Assert.Equal(1, afterReorderedInterims.GetProperty("openSessions").GetInt32());

        await _world.AccountingAsync("Stop", username, "s1", 9000);
        await _world.AccountingAsync("Interim-Update", username, "s1", 8100);

        var afterLateInterim = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(2.5, afterLateInterim.GetProperty("usedHours").GetDouble());
        Assert.Equal(0, afterLateInterim.GetProperty("openSessions").GetInt32());
    }

    [Fact]
    public async Task AccountingOnAndOff_CloseTheSessionsOfTheNasThatSentThem_AndNoOthers()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await _world.AccountingAsync("Interim-Update", username, "laptop", 600, nas: "mitte-ap-1");
        await _world.AccountingAsync("Interim-Update", username, "phone", 300, nas: "mitte-ap-1");
        await _world.AccountingAsync("Interim-Update", username, "tablet", 900, nas: "mitte-ap-2");
        Assert.Equal(3, (await UsageShownByTheAdminApiAsync(username)).GetProperty("openSessions").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await _world.NasAccountingAsync("Accounting-On", "mitte-ap-1")).StatusCode);

        var afterOn = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(1, afterOn.GetProperty("openSessions").GetInt32());
        Assert.Equal(0.5, afterOn.GetProperty("usedHours").GetDouble());

        Assert.Equal(HttpStatusCode.NoContent, (await _world.NasAccountingAsync("Accounting-Off", "mitte-ap-2")).StatusCode);

        var afterOff = await UsageShownByTheAdminApiAsync(username);
        Assert.Equal(0, afterOff.GetProperty("openSessions").GetInt32());
        Assert.Equal(0.5, afterOff.GetProperty("usedHours").GetDouble());
    }

    [Fact]
    public async Task Authorize_TrialMember_IsCappedByTheTrialGroup()
    {
        var (username, _) = await _world.MemberAsync("Dedicated", MemberStatus.Trial);

        var reply = await (await _world.AuthorizeAsync(username)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2 * 3600, reply.GetProperty("reply:Session-Timeout").GetInt64());
        Assert.Equal(5_000_000, reply.GetProperty("reply:WISPr-Bandwidth-Max-Down").GetInt64());
    }

    [Fact]
    public async Task Authorize_GroupWithAVlan_AddsTheTunnelAttributes()
    {
        var (username, _) = await _world.MemberAsync("Dedicated");
        var put = await _world.App.Admin().PutAsJsonAsync("/api/admin/access-groups/dedicated", new
        {
            displayName = "Dedicated",
            vlanId = 42,
            bandwidthDownKbps = 100_000,
            bandwidthUpKbps = 100_000,
            maxConcurrentSessions = 5,
            priority = 30,
        });
        put.EnsureSuccessStatusCode();

        var reply = await (await _world.AuthorizeAsync(username)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("VLAN", reply.GetProperty("reply:Tunnel-Type").GetString());
        Assert.Equal("IEEE-802", reply.GetProperty("reply:Tunnel-Medium-Type").GetString());
        Assert.Equal("42", reply.GetProperty("reply:Tunnel-Private-Group-Id").GetProperty("value")[0].GetString());
        // No hours, window or cap: the deployment's maximum (a day in this world) bounds the session.
        Assert.Equal(86_400, reply.GetProperty("reply:Session-Timeout").GetInt64());
    }

    private async Task<JsonElement> UsageShownByTheAdminApiAsync(string username)
    {
        var account = await _world.App.Services.GetRequiredService<AccountStore>().GetAsync(username, CancellationToken.None);
        var member = await _world.App.GetJsonAsync($"/api/admin/connectors/{RadiusWorld.ConnectorId}/members/{account!.MemberId}");
        return member.GetProperty("account").GetProperty("usage");
    }

    private static async Task AssertDeniedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, body.GetProperty("reply:Reply-Message").GetProperty("value")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
