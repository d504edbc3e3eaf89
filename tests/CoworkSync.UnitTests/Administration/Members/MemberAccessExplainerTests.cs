using System.Text.Json;
using CoworkSync.Access;
using CoworkSync.Administration.Members;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Administration.Members;

/// <summary>
/// "Why can't they connect?" over Moq table clients (strict: any write would throw, so each explanation is a dry run):
/// the member's account through authorize's own reads and decision, the zone its time is read in, and refusals.
/// </summary>
public sealed class MemberAccessExplainerTests
{
    /// <summary>Monday 2026-11-23, 09:00 UTC: 10:00 in Berlin, 04:00 in New York.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly MockedTables _tables = new();
    private readonly MemberAccessExplainer _explainer;

    public MemberAccessExplainerTests()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new AccountCache(_tables.State, time, Options.Create(new AccountCacheOptions()));
        var accounts = new AccountStore(_tables.State, cache, time);
        var connectors = new ConnectorStore(_tables.State);
        var facts = new AuthorizeFactsReader(cache, accounts,
            new UsageLedger(new UsageStore(_tables.State), new NasSessionIndex(new UsageStore(_tables.State), NullLogger<NasSessionIndex>.Instance), time, Options.Create(new AccountCacheOptions()), NullLogger<UsageLedger>.Instance),
            new ConnectorCache(connectors, time, NullLogger<ConnectorCache>.Instance),
            new AccessGroupStore(_tables.State, time, NullLogger<AccessGroupStore>.Instance));
        _explainer = new MemberAccessExplainer(connectors, new MemberStore(_tables.State),
            new AuthorizeExplainer(facts, time, Options.Create(new RadiusOptions())), time);
        _tables.Add(TableNames.Connectors, ConnectorEntityMapper.ToEntity(new Connector
        {
            Id = "berlin", Platform = "coworks", DisplayName = "Berlin",
            Locations =
            [
                new ConnectorLocation("loc_mitte", "Mitte", "Europe/Berlin", ["mitte-ap-*"]),
                new ConnectorLocation("loc_manhattan", "Manhattan", "America/New_York", ["manhattan-ap-*"]),
            ],
        }));
    }

    [Fact]
    public async Task AnEnabledFullTimeAccount_IsAccepted_EveryCheckPassed_WithTheReplysTerms_NeverThePassword()
    {
        AddMember("m1", username: "ada", enabled: true);

        var outcome = await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest("mitte-ap-1"), CancellationToken.None);

        var view = outcome.Value!;
        Assert.Equal(AccessExplanationView.Accept, view.Decision);
        Assert.Equal("ada", view.Username);
        Assert.Equal(Now, view.At);
        Assert.Equal(("Europe/Berlin", "2026-11-23T10:00"), (view.TimeZone, view.LocalTime));
        Assert.All(view.Checks, c => Assert.Equal(AccessCheckView.Passed, c.Result));
        Assert.Equal(["account", "enabled", "space", "accessPoint", "location", "groups", "timeWindow", "hours", "devices"], view.Checks.Select(c => c.Check));
        Assert.Equal("RADIUS-Request", view.Reply!["reply:Termination-Action"]);
        Assert.True(view.Reply.ContainsKey("reply:Session-Timeout"));
        Assert.DoesNotContain("cipher-of-the-password", JsonSerializer.Serialize(view), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledAccount_IsRejectedAtTheEnabledCheck_AndTheLaterChecksAreNotMade()
    {
        AddMember("m1", username: "ada", enabled: false, reason: "member suspended");

        var view = (await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest("mitte-ap-1"), CancellationToken.None)).Value!;

        Assert.Equal(AccessExplanationView.Reject, view.Decision);
        Assert.Null(view.Reply);
        Assert.Equal([AccessCheckView.Passed, AccessCheckView.Failed], view.Checks.Take(2).Select(c => c.Result));
        Assert.All(view.Checks.Skip(2), c => Assert.Equal((AccessCheckView.NotChecked, null), (c.Result, c.Detail)));
    }

    [Fact]
    public async Task ALocalTime_IsReadInTheAccessPointsZone_NotTheMembers()
    {
        AddMember("m1", username: "ada", enabled: true);

        var view = (await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest("manhattan-ap-2", "2026-11-23T08:30"), CancellationToken.None)).Value!;

        Assert.Equal("America/New_York", view.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 30, 0, TimeSpan.Zero), view.At);
        Assert.Equal("2026-11-23T08:30", view.LocalTime);
        Assert.Equal(AccessCheckView.Failed, view.Checks.Single(c => c.Check == "location").Result);
    }

    [Fact]
    public async Task AMemberWithoutAnAccount_FailsTheAccountCheck_WithTheirReason_InTheirLocationsZone()
    {
        AddMember("m1", username: null, enabled: false, reason: "plan gives no WiFi");

        var view = (await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest("unknown-ap"), CancellationToken.None)).Value!;

        Assert.Equal(AccessExplanationView.NoAccount, view.Decision);
        Assert.Null(view.Username);
        Assert.Equal("Europe/Berlin", view.TimeZone);
        var account = view.Checks[0];
        Assert.Equal((AccessCheckView.Failed, "The member has no WiFi account: plan gives no WiFi."), (account.Result, account.Detail));
        Assert.All(view.Checks.Skip(1), c => Assert.Equal(AccessCheckView.NotChecked, c.Result));
    }

    [Fact]
    public async Task AnUnknownMember_IsNotFound()
    {
        var outcome = await _explainer.ExplainAsync("berlin", "m404", new ExplainRequest("mitte-ap-1"), CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
    }

    [Theory]
    [InlineData(" ", null, "nasIdentifier")]
    [InlineData("ap\n1", null, "nasIdentifier")]
    [InlineData("mitte-ap-1", "next tuesday", "at")]
    public async Task AnInvalidRequest_NamesTheField(string nas, string? at, string field)
    {
        AddMember("m1", username: "ada", enabled: true);

        var outcome = await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest(nas, at), CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal(field, Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public async Task AnOverlongAccessPoint_OrNoRequest_IsRefusedBeforeAnyRead()
    {
        var overlong = await _explainer.ExplainAsync("berlin", "m1", new ExplainRequest(new string('a', MemberAccessExplainer.MaxAttributeLength + 1)), CancellationToken.None);
        var none = await _explainer.ExplainAsync("berlin", "m1", null, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, overlong.Status);
        Assert.Equal(OutcomeStatus.Unreadable, none.Status);
        Assert.Empty(_tables.Reads);
    }

    private void AddMember(string memberId, string? username, bool enabled, string? reason = null)
    {
        _tables.Add(TableNames.Members, MemberEntityMapper.ToEntity(new MemberRecord
        {
            ConnectorId = "berlin",
            Platform = new PlatformMember
            {
                MemberId = memberId, FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Status = MemberStatus.Active,
                MembershipStatus = MembershipStatus.Active, PlanName = "Full-time", LocationId = "loc_mitte", UpdatedAt = Now,
            },
            Username = username,
            Reason = reason,
        }));
        if (username is null)
            return;
        _tables.Add(TableNames.Accounts, AccountEntityMapper.ToEntity(new WifiAccount
        {
            Username = username, ConnectorId = "berlin", MemberId = memberId, ProtectedPassword = "cipher-of-the-password", Enabled = enabled,
            Groups = [AccessGroups.FullTime], LocationId = "loc_mitte", DisabledReason = enabled ? null : reason,
            BillingCycleAnchor = new DateOnly(2026, 11, 1),
        }));
    }
}
