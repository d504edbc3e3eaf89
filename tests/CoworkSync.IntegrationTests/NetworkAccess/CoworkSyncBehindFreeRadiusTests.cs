using System.Diagnostics;
using System.Text;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using static CoworkSync.IntegrationTests.NetworkAccess.FreeRadiusInFront;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// The whole path an access point takes: radclient (PAP, accounting) and eapol_test (PEAP/MSCHAPv2, as a laptop) ask a
/// real FreeRADIUS running infra/radius, which asks CoworkSync over rlm_rest. Time moves by CoworkSync's clock only.
/// Monday 10:00 in Berlin unless a test moves it; members belong to Mitte, whose access points are mitte-ap-*.
/// </summary>
public sealed class CoworkSyncBehindFreeRadiusTests(FreeRadiusInFront front) : IClassFixture<FreeRadiusInFront>, IAsyncLifetime
{
    private RadiusWorld World => front.World;

    public Task InitializeAsync()
    {
        World.Clock.SetNow(RadiusWorld.MondayMorning);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pap_RightPassword_AcceptsWithTheSessionTimeoutAndVlan()
    {
        var (username, password) = await World.MemberAsync("Dedicated");

        var reply = await PapAsync(username, password);

        AssertCode(RadiusCode.AccessAccept, reply);
        // Dedicated is unlimited; the deployment's one-hour maximum bounds the session so revocation never lingers.
        Assert.Equal("3600", reply["Session-Timeout"]);
        Assert.Equal("RADIUS-Request", reply["Termination-Action"]);
        Assert.Equal("VLAN", reply["Tunnel-Type"]);
        Assert.Equal("IEEE-802", reply["Tunnel-Medium-Type"]);
        Assert.Equal(Vlan, reply["Tunnel-Private-Group-Id"]);
        Assert.Equal("100000000", reply["WISPr-Bandwidth-Max-Down"]);
        Assert.Equal("300", reply["Acct-Interim-Interval"]);
    }

    [Fact]
    public async Task Pap_FlexMemberLateInTheDay_SessionEndsWithTheWindow()
    {
        var (username, password) = await World.MemberAsync("Flex");
        World.Clock.SetNow(RadiusWorld.MondayMorning.AddHours(9).AddMinutes(30)); // 19:30 in Berlin; the window ends at 20:00

        var reply = await PapAsync(username, password);

        AssertCode(RadiusCode.AccessAccept, reply);
        // The shifted clock runs on while the test does, so the window's end is up to a minute nearer.
        Assert.InRange(int.Parse(reply["Session-Timeout"]!, System.Globalization.CultureInfo.InvariantCulture), 1800 - 60, 1800);
    }

    [Fact]
    public async Task Pap_WrongPasswordOrUnknownUser_Rejects()
    {
        var (username, password) = await World.MemberAsync("Flex");

        AssertCode(RadiusCode.AccessReject, await PapAsync(username, password + "x"));
        AssertCode(RadiusCode.AccessReject, await PapAsync(username, ""));
        AssertCode(RadiusCode.AccessReject, await PapAsync("nobody@example.com", password));
    }

    [Fact]
    public async Task Pap_DisabledMember_RejectsAndSaysWhy()
    {
        var (username, password) = await World.MemberAsync("Full-time");
        AssertCode(RadiusCode.AccessAccept, await PapAsync(username, password));

        await World.SuspendAsync(username);

        var reply = await PapAsync(username, password);
        AssertCode(RadiusCode.AccessReject, reply);
        Assert.Contains("disabled", reply["Reply-Message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pap_OutsideTheTimeWindow_Rejects_WhileAFullTimeMemberIsAccepted()
    {
        var (flex, flexPassword) = await World.MemberAsync("Flex");
        var (fullTime, fullTimePassword) = await World.MemberAsync("Full-time");
        World.Clock.SetNow(RadiusWorld.MondayMorning.AddHours(12)); // 22:00 in Berlin

        var reply = await PapAsync(flex, flexPassword);

        AssertCode(RadiusCode.AccessReject, reply);
        Assert.Contains("Outside the allowed hours", reply["Reply-Message"], StringComparison.Ordinal);
        AssertCode(RadiusCode.AccessAccept, await PapAsync(fullTime, fullTimePassword));
    }

    [Theory]
    [InlineData("kreuzberg-ap-2", "Not at this location")]
    [InlineData("airport-ap-1", "not known")]
    public async Task Pap_AtAnotherLocationOrUnknownAccessPoint_Rejects(string accessPoint, string reason)
    {
        var (username, password) = await World.MemberAsync("Full-time");

        var reply = await PapAsync(username, password, accessPoint);

        AssertCode(RadiusCode.AccessReject, reply);
        Assert.Contains(reason, reply["Reply-Message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Accounting_ReducesTheHours_DuplicatesDoNotCount_UsedUpRejects_AndANewCycleGivesThemBack()
    {
        var (username, password) = await World.MemberAsync("Flex");
        const int allowance = 40 * 3600;
        const int used = allowance - 1800;
        var session = new RadiusAccountingRequest(AcctStatusType.Start) { UserName = username, SessionId = "laptop-1", NasIdentifier = MitteAccessPoint };

        await AccountAsync(session);
        await AccountAsync(session with { StatusType = AcctStatusType.InterimUpdate, SessionTime = used / 2 });
        await AccountAsync(session with { StatusType = AcctStatusType.InterimUpdate, SessionTime = used / 2 });
        await AccountAsync(session with { StatusType = AcctStatusType.Stop, SessionTime = used });
        await AccountAsync(session with { StatusType = AcctStatusType.Stop, SessionTime = used });

        var halfHourLeft = await PapAsync(username, password);
        AssertCode(RadiusCode.AccessAccept, halfHourLeft);
        Assert.Equal("1800", halfHourLeft["Session-Timeout"]);

        var phone = session with { SessionId = "phone-1" };
        await AccountAsync(phone);
        await AccountAsync(phone with { StatusType = AcctStatusType.Stop, SessionTime = 1800 });
        var usedUp = await PapAsync(username, password);
        AssertCode(RadiusCode.AccessReject, usedUp);
        Assert.Contains("Hours used up", usedUp["Reply-Message"], StringComparison.Ordinal);

        World.Clock.SetNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)); // Tuesday 10:00 in Berlin, a new cycle
        var nextCycle = await PapAsync(username, password);
        AssertCode(RadiusCode.AccessAccept, nextCycle);
        Assert.Equal("3600", nextCycle["Session-Timeout"]);
    }

    [Fact]
    public async Task PasswordWithPercentBraceAndQuote_AuthenticatesByPapAndPeap()
    {
        const string awkward = "p%a{s}s\"w0rd%{User-Name}";
        var (username, _) = await World.MemberAsync("Full-time");
        await World.SetPasswordAsync(username, awkward);

        AssertCode(RadiusCode.AccessAccept, await PapAsync(username, awkward));
        AssertCode(RadiusCode.AccessReject, await PapAsync(username, "p%a{s}s\"w0rd" + username));
        AssertEap(true, await PeapAsync(username, awkward));
    }

    [Fact]
    public async Task Peap_MsChapV2LikeALaptop_SucceedsWithTheSessionTerms_AndFailsForAWrongPasswordOrDisabledMember()
    {
        var (username, password) = await World.MemberAsync("Dedicated");
        var (disabled, disabledPassword) = await World.MemberAsync("Flex");
        await World.SuspendAsync(disabled);

        var result = await PeapAsync(username, password);

        AssertEap(true, result);
        Assert.Equal("3600", result["Session-Timeout"]);
        // eapol_test prints this tagged text attribute in hex.
        Assert.Equal(Vlan, Encoding.ASCII.GetString(Convert.FromHexString(result["Tunnel-Private-Group-Id"] ?? "")));
        Assert.Equal(username, result["User-Name"]);
        AssertEap(false, await PeapAsync(username, password + "x"));
        AssertEap(false, await PeapAsync(disabled, disabledPassword));
    }

    [Fact]
    public async Task CoworkSyncDown_FreeRadiusRejects_AndRecoversWhenItIsBack()
    {
        var (username, password) = await World.MemberAsync("Full-time");
        AssertCode(RadiusCode.AccessAccept, await PapAsync(username, password));

        await World.StopAppAsync();
        try
        {
            AssertCode(RadiusCode.AccessReject, await PapAsync(username, password));
            AssertEap(false, await PeapAsync(username, password));
        }
        finally
        {
            await World.StartAppAgainAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        RadiusReply reply;
        do
        {
            reply = await PapAsync(username, password);
        }
        while (reply.Code != RadiusCode.AccessAccept && stopwatch.Elapsed < Eventually.DefaultLimit);
        AssertCode(RadiusCode.AccessAccept, reply);
    }

    private Task<RadiusReply> PapAsync(string username, string password, string accessPoint = MitteAccessPoint) =>
        front.RadClient.AuthenticateAsync(new RadiusAccessRequest(username, password) { NasIdentifier = accessPoint, CallingStationId = "11-22-33-44-55-66" });

    private Task<EapResult> PeapAsync(string username, string password) =>
        front.Eapol.PeapMschapV2Async(username, password, new EapOptions { AnonymousIdentity = "anonymous@example.com", NasIdentifier = MitteAccessPoint });

    private async Task AccountAsync(RadiusAccountingRequest request) =>
        AssertCode(RadiusCode.AccountingResponse, await front.RadClient.SendAccountingAsync(request));

    private void AssertCode(RadiusCode expected, RadiusReply reply) =>
        Assert.True(reply.Code == expected, $"Expected {expected}, got {reply}{Environment.NewLine}{front.Radius.RecentOutput()}");

    private void AssertEap(bool succeeded, EapResult result) =>
        Assert.True(result.Succeeded == succeeded, $"Expected {(succeeded ? "SUCCESS" : "FAILURE")}, got {result}{Environment.NewLine}{front.Radius.RecentOutput()}");
}
