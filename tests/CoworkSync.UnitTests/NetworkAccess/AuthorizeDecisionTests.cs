using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class AuthorizeDecisionTests
{
    /// <summary>Monday 2026-11-23 10:00 in Berlin.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly Connector Space = new()
    {
        Id = "berlin",
        Platform = "coworks",
        DisplayName = "Berlin",
        Locations = [new ConnectorLocation("loc_mitte", "Mitte", "Europe/Berlin", ["mitte-ap-*"]), new ConnectorLocation("loc_x", "X", "Europe/Berlin", ["x-ap-*"])],
    };

    private static readonly AuthorizeRequest AtMitte = new("Ada@Example.com ", "mitte-ap-1", "AA-BB:Members", "02-00-00-00-00-01");

    [Fact]
    public void AnAcceptedRequest_GoesThroughEveryCheckInOrder_AndTheStepsSayWhatEachFound()
    {
        var steps = new AuthorizeStepList();

        var verdict = AuthorizeDecision.Decide(AtMitte, Facts(Flex(), Usage(3600)), Now, 3600, steps);

        Assert.Equal(AuthorizeOutcome.Accepted, verdict.Outcome);
        Assert.Equal(
            [AuthorizeCheck.Account, AuthorizeCheck.Enabled, AuthorizeCheck.Connector, AuthorizeCheck.AccessPoint, AuthorizeCheck.Location,
             AuthorizeCheck.Plan, AuthorizeCheck.Schedule, AuthorizeCheck.Hours, AuthorizeCheck.Devices, AuthorizeCheck.Terms],
            steps.Steps.Select(s => s.Check));
        Assert.All(steps.Steps, s => Assert.True(s.Passed));
        Assert.Contains("Mitte (loc_mitte)", steps.Steps[3].Detail, StringComparison.Ordinal);
        Assert.Contains("39 h left of 40 h", steps.Steps[7].Detail, StringComparison.Ordinal);
        Assert.Contains($"Session-Timeout {verdict.SessionTimeoutSeconds} s", steps.Steps[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutARecorder_TheVerdictIsTheSame()
    {
        var facts = Facts(Flex(), Usage(3600));

        var quiet = AuthorizeDecision.Decide(AtMitte, facts, Now, 3600);
        var explained = AuthorizeDecision.Decide(AtMitte, facts, Now, 3600, new AuthorizeStepList());

        Assert.Equal(explained, quiet);
        Assert.Equal(3600, quiet.SessionTimeoutSeconds);
    }

    public static TheoryData<string, AuthorizeCheck, string> Refusals => new()
    {
        { "disabled", AuthorizeCheck.Enabled, "Access disabled: member suspended." },
        { "no connector", AuthorizeCheck.Connector, "Access disabled: the space is no longer connected." },
        { "unknown access point", AuthorizeCheck.AccessPoint, "This access point is not known to your space." },
        { "other location", AuthorizeCheck.Location, "Not at this location: your membership is for another location." },
        { "no groups", AuthorizeCheck.Plan, "Your plan gives no WiFi access." },
        { "evening", AuthorizeCheck.Schedule, "Outside the allowed hours." },
        { "hours used up", AuthorizeCheck.Hours, "Hours used up until 2026-12-01." },
        { "three devices", AuthorizeCheck.Devices, "Too many devices: at most 3 at a time." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ARefusal_StopsAtTheCheckThatFailed_WithTheReasonTheMemberReads(string situation, AuthorizeCheck failed, string reason)
    {
        var (request, facts, now) = situation switch
        {
            "disabled" => (AtMitte, Facts(Flex(), Usage(0)) with { Account = Account() with { Enabled = false, DisabledReason = "member suspended" } }, Now),
            "no connector" => (AtMitte, Facts(Flex(), Usage(0)) with { Connector = null }, Now),
            "unknown access point" => (AtMitte with { NasIdentifier = "elsewhere", CalledStationId = null }, Facts(Flex(), Usage(0)), Now),
            "other location" => (AtMitte with { NasIdentifier = "x-ap-1" }, Facts(Flex(), Usage(0)), Now),
            "no groups" => (AtMitte, Facts(EffectiveAccess.None, null), Now),
            "evening" => (AtMitte, Facts(Flex(), Usage(0)), Now.AddHours(12)),
            "hours used up" => (AtMitte, Facts(Flex(), Usage(40 * 3600)), Now),
            _ => (AtMitte with { CallingStationId = "02-00-00-00-00-09" }, Facts(Flex(), Usage(60, devices: 3)), Now),
        };
        var steps = new AuthorizeStepList();

        var verdict = AuthorizeDecision.Decide(request, facts, now, 3600, steps);

        Assert.Equal(AuthorizeOutcome.Refused, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(failed, steps.Steps[^1].Check);
        Assert.False(steps.Steps[^1].Passed);
        Assert.All(steps.Steps.SkipLast(1), s => Assert.True(s.Passed));
    }

    [Fact]
    public void NoAccount_IsAnUnknownUser()
    {
        var steps = new AuthorizeStepList();

        var verdict = AuthorizeDecision.Decide(AtMitte, AuthorizeFacts.NoAccount, Now, 3600, steps);

        Assert.Equal(AuthorizeOutcome.UnknownUser, verdict.Outcome);
        Assert.Equal("No account is named 'ada@example.com'.", Assert.Single(steps.Steps).Detail);
    }

    [Fact]
    public void APlanWithoutHoursOrDeviceLimits_NeedsNoUsageRow()
    {
        var unlimited = AccessGroupMerger.Merge([AccessGroupDefaults.FullTime with { MaxConcurrentSessions = null }]);
        var steps = new AuthorizeStepList();

        var verdict = AuthorizeDecision.Decide(AtMitte, Facts(unlimited, usage: null), Now, 3600, steps);

        Assert.False(AuthorizeDecision.NeedsUsage(unlimited));
        Assert.Equal(AuthorizeOutcome.Accepted, verdict.Outcome);
        Assert.Contains(steps.Steps, s => s.Check == AuthorizeCheck.Hours && s.Detail.Contains("usage not read", StringComparison.Ordinal));
    }

    [Fact]
    public void AnHoursOrADeviceLimit_NeedsTheUsageRow_AndDecidingWithoutItIsRefusedAsAMistake()
    {
        Assert.True(AuthorizeDecision.NeedsUsage(Flex()));
        Assert.True(AuthorizeDecision.NeedsUsage(AccessGroupMerger.Merge([AccessGroupDefaults.FullTime])));

        Assert.Throws<ArgumentException>(() => AuthorizeDecision.Decide(AtMitte, Facts(Flex(), usage: null), Now, 3600));
    }

    private static EffectiveAccess Flex() => AccessGroupMerger.Merge([AccessGroupDefaults.Flex]);

    private static WifiAccount Account() => new()
    {
        Username = "ada@example.com",
        ConnectorId = Space.Id,
        MemberId = "mem_1",
        ProtectedPassword = "v1:k:secret",
        Enabled = true,
        Groups = ["flex"],
        LocationId = "loc_mitte",
        BillingCycleAnchor = new DateOnly(2026, 11, 1),
    };

    private static AuthorizeFacts Facts(EffectiveAccess access, CycleUsage? usage) => new(Account(), Space, access, usage);

    private static CycleUsage Usage(long seconds, int devices = 0)
    {
        var sessions = new Dictionary<string, SessionUsage> { ["earlier"] = new(seconds, false, "mitte-ap-1", Now.AddHours(-3)) };
        for (var i = 0; i < devices; i++)
            sessions[$"device-{i}"] = new SessionUsage(0, true, "mitte-ap-1", Now.AddMinutes(-1), $"0200000000A{i}");
        return new CycleUsage("2026-11-01", sessions, default);
    }
}
