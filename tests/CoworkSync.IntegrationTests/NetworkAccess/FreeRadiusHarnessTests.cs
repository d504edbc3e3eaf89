using System.Diagnostics;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using static CoworkSync.IntegrationTests.NetworkAccess.StandInRadiusBackend;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// The RADIUS test harness against a stand-in backend: a real FreeRADIUS running infra/radius, asked with radclient
/// (PAP, accounting) and eapol_test (PEAP, TTLS). Each test gets its own backend and FreeRADIUS.
/// </summary>
public sealed class FreeRadiusHarnessTests : IAsyncLifetime
{
    private const string Location = "ap-lobby";
    private const string AccessPoint = "AA-BB-CC-DD-EE-FF:CoworkSync";

    private StandInRadiusBackend _backend = null!;
    private FreeRadiusServer _radius = null!;
    private RadClient _radclient = null!;
    private EapolTest _eapol = null!;

    public async Task InitializeAsync()
    {
        _backend = await StandInRadiusBackend.StartAsync();
        _radius = await FreeRadiusServer.StartAsync(_backend.BaseUrl, FunctionKey);
        _radclient = new RadClient(_radius.Endpoint);
        _eapol = new EapolTest(_radius.Endpoint);
    }

    [Fact]
    public async Task Pap_RightPassword_AcceptsWithTheBackendsReplyAttributes()
    {
        var reply = await _radclient.AuthenticateAsync(new RadiusAccessRequest(Member, Password)
        {
            NasIdentifier = Location,
            CalledStationId = AccessPoint,
            CallingStationId = "11-22-33-44-55-66",
            NasIpAddress = "10.0.0.2",
        });

        AssertCode(RadiusCode.AccessAccept, reply);
        Assert.Equal("3600", reply["Session-Timeout"]);
        Assert.Equal("300", reply["Acct-Interim-Interval"]);
        Assert.Equal(Vlan, reply["Tunnel-Private-Group-Id"]);
        Assert.Equal("VLAN", reply["Tunnel-Type"]);
        Assert.Equal("50000000", reply["WISPr-Bandwidth-Max-Down"]);
        Assert.Equal("10000000", reply["WISPr-Bandwidth-Max-Up"]);
        var call = Assert.Single(_backend.AuthorizeCalls);
        Assert.Equal(Location, Value(call, "NAS-Identifier"));
        Assert.Equal(AccessPoint, Value(call, "Called-Station-Id"));
        Assert.Equal("11-22-33-44-55-66", Value(call, "Calling-Station-Id"));
        Assert.Equal("10.0.0.2", Value(call, "NAS-IP-Address"));
        Assert.Null(Value(call, "User-Password"));
    }

    [Fact]
    public async Task Pap_WrongPasswordOrUnknownUser_Rejects()
    {
        AssertCode(RadiusCode.AccessReject, await _radclient.AuthenticateAsync(Member, Password + "x"));
        AssertCode(RadiusCode.AccessReject, await _radclient.AuthenticateAsync("nobody@example.com", Password));
        Assert.Equal(2, _backend.AuthorizeCalls.Count);
    }

    [Fact]
    public async Task Pap_DeniedMember_RejectCarriesTheBackendsReplyMessage()
    {
        var reply = await _radclient.AuthenticateAsync(DeniedMember, "anything");

        AssertCode(RadiusCode.AccessReject, reply);
        Assert.Equal(DeniedMessage, reply["Reply-Message"]);
    }

    [Fact]
    public async Task WrongFunctionKey_Rejects()
    {
        await using var misconfigured = await FreeRadiusServer.StartAsync(_backend.BaseUrl, "not-the-key");

        AssertCode(RadiusCode.AccessReject, await new RadClient(misconfigured.Endpoint).AuthenticateAsync(Member, Password), misconfigured);
        Assert.Empty(_backend.AuthorizeCalls);
    }

    [Fact]
    public async Task Peap_RightPassword_SucceedsWithReplyAttributesAndInnerIdentity_EvenWithAnAnonymousOuterIdentity()
    {
        var result = await _eapol.PeapMschapV2Async(Member, Password, new EapOptions
        {
            AnonymousIdentity = "anonymous@example.com",
            NasIdentifier = Location,
            CalledStationId = AccessPoint,
        });

        AssertEap(true, result);
        Assert.Equal("3600", result["Session-Timeout"]);
        Assert.Equal("300", result["Acct-Interim-Interval"]);
        Assert.Equal(Member, result["User-Name"]);
        Assert.NotEmpty(_backend.AuthorizeCalls);
        Assert.All(_backend.AuthorizeCalls, call =>
        {
            Assert.Equal(Member, Value(call, "User-Name"));
            Assert.Equal(Location, Value(call, "NAS-Identifier"));
            Assert.Equal(AccessPoint, Value(call, "Called-Station-Id"));
        });
    }

    [Fact]
    public async Task Peap_WrongPasswordOrDeniedMember_Fails()
    {
        AssertEap(false, await _eapol.PeapMschapV2Async(Member, "wrong"));
        AssertEap(false, await _eapol.PeapMschapV2Async(DeniedMember, "anything"));
    }

    [Fact]
    public async Task Ttls_Pap_RightPasswordSucceeds_WrongFails_AndTheBackendNeverSeesAPassword()
    {
        var result = await _eapol.TtlsPapAsync(Member, Password);

        AssertEap(true, result);
        Assert.Equal("3600", result["Session-Timeout"]);
        AssertEap(false, await _eapol.TtlsPapAsync(Member, "wrong"));
        Assert.All(_backend.AuthorizeCalls, call => Assert.Null(Value(call, "User-Password")));
    }

    [Fact]
    public async Task Accounting_EveryStatusType_ReachesTheBackend()
    {
        var session = new RadiusAccountingRequest(AcctStatusType.Start) { UserName = Member, SessionId = "sess-1", NasIdentifier = Location };
        foreach (var request in new[]
        {
            new RadiusAccountingRequest(AcctStatusType.AccountingOn) { NasIdentifier = Location },
            session,
            session with { StatusType = AcctStatusType.InterimUpdate, SessionTime = 300 },
            session with { StatusType = AcctStatusType.Stop, SessionTime = 1234, OtherAttributes = [new("Acct-Terminate-Cause", "User-Request")] },
            new RadiusAccountingRequest(AcctStatusType.AccountingOff) { NasIdentifier = Location },
        })
        {
            AssertCode(RadiusCode.AccountingResponse, await _radclient.SendAccountingAsync(request));
        }

        var calls = _backend.AccountingCalls.ToArray();
        Assert.Equal(["Accounting-On", "Start", "Interim-Update", "Stop", "Accounting-Off"], calls.Select(c => Value(c, "Acct-Status-Type")));
        Assert.Equal("1234", Value(calls[3], "Acct-Session-Time"));
        Assert.Equal("User-Request", Value(calls[3], "Acct-Terminate-Cause"));
        Assert.Equal(Value(calls[1], "Acct-Unique-Session-Id"), Value(calls[3], "Acct-Unique-Session-Id"));
        Assert.All(calls, call => Assert.Equal(Location, Value(call, "NAS-Identifier")));
    }

    [Fact]
    public async Task BackendDown_RejectsAndLeavesAccountingUnanswered_ThenRecoversWithoutARestart()
    {
        await _backend.StopAsync();

        AssertCode(RadiusCode.AccessReject, await _radclient.AuthenticateAsync(Member, Password));
        AssertEap(false, await _eapol.PeapMschapV2Async(Member, Password));
        AssertCode(RadiusCode.NoReply, await _radclient.SendAccountingAsync(new RadiusAccountingRequest(AcctStatusType.Start) { UserName = Member, SessionId = "s" }));

        await _backend.StartAgainAsync();
        var stopwatch = Stopwatch.StartNew();
        RadiusReply reply;
        do
        {
            reply = await _radclient.AuthenticateAsync(Member, Password);
        }
        while (reply.Code != RadiusCode.AccessAccept && stopwatch.Elapsed < Eventually.DefaultLimit);
        AssertCode(RadiusCode.AccessAccept, reply);
        AssertEap(true, await _eapol.PeapMschapV2Async(Member, Password));
    }

    public async Task DisposeAsync()
    {
        await _radius.DisposeAsync();
        Assert.False(_radius.IsRunning);
        Assert.False(Directory.Exists(_radius.ConfigDirectory));
        await _backend.DisposeAsync();
    }

    private void AssertCode(RadiusCode expected, RadiusReply reply) => AssertCode(expected, reply, _radius);

    private static void AssertCode(RadiusCode expected, RadiusReply reply, FreeRadiusServer server) =>
        Assert.True(reply.Code == expected, $"Expected {expected}, got {reply}{Environment.NewLine}{server.RecentOutput()}");

    private void AssertEap(bool succeeded, EapResult result) =>
        Assert.True(result.Succeeded == succeeded, $"Expected {(succeeded ? "SUCCESS" : "FAILURE")}, got {result}{Environment.NewLine}{_radius.RecentOutput()}");
}
