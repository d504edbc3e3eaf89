using Azure.Data.Tables;
using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.State.Tables;
using Moq;

namespace CoworkSync.UnitTests.Administration.Connectors;

/// <summary>The connector test runs the generic checks and the platform's, in today's order and shape.</summary>
public sealed class ConnectorTestRunnerTests
{
    private readonly Mock<IPlatformMembers> _members = new();
    private readonly Mock<IPlatformChecks> _checks = new();

    private static readonly Connector Connector = new()
    {
        Id = "berlin",
        Platform = "acme",
        DisplayName = "Berlin",
        Locations = [new ConnectorLocation("loc_1", "Mitte", "Europe/Berlin")],
        PlanMappings = [new PlanMapping("pln_flex", "Flex", ["flex"])],
    };

    public ConnectorTestRunnerTests()
    {
        _checks.Setup(c => c.WebhooksAsync(It.IsAny<Connector>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Connector _, bool apiOk, CancellationToken _) => new ConnectorCheck("hooks", apiOk, "platform's webhook check"));
        _checks.Setup(c => c.OwnChecksAsync(It.IsAny<Connector>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ConnectorCheck("own", true, "platform's own check")]);
    }

    [Fact]
    public async Task AWorkingPlatform_IsCheckedInOrder_ApiWebhooksPlansLocationsThenItsOwn()
    {
        _members.Setup(m => m.CheckAsync(Connector, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PlatformCheck(true, "reachable", [new PlatformPlan("pln_flex", "Flex"), new PlatformPlan("pln_night", "Night")]));
        _members.Setup(m => m.ListMembersAsync(Connector, It.IsAny<SyncNotes>(), It.IsAny<CancellationToken>()))
            .Returns(Members(Member("m1", "loc_1"), Member("m2", "loc_far"), Member("m3", null)));

        var report = await Runner().RunAsync(Connector, CancellationToken.None);

        Assert.Equal(["api", "hooks", "plans", "locations", "own"], report.Checks.Select(c => c.Name));
        Assert.False(report.Ok);
        var plans = report.Checks[2];
        Assert.False(plans.Ok);
        Assert.Equal("1 plans not mapped", plans.Detail);
        Assert.Equal(new UnmappedPlan("pln_night", "Night"), Assert.Single(plans.Items!));
        Assert.Equal(["loc_far"], report.Checks[3].Items!);
    }

    [Fact]
    public async Task AFailedApiCheck_LeavesPlansAndLocationsUnchecked_AndTellsThePlatform()
    {
        _members.Setup(m => m.CheckAsync(Connector, It.IsAny<CancellationToken>())).ReturnsAsync(PlatformCheck.Failed("No API key is set."));

        var report = await Runner().RunAsync(Connector, CancellationToken.None);

        Assert.Equal(["api", "hooks", "plans", "locations", "own"], report.Checks.Select(c => c.Name));
        Assert.Equal("No API key is set.", report.Checks[0].Detail);
        Assert.False(report.Checks[1].Ok);
        Assert.All(report.Checks.Skip(2).Take(2), c => Assert.Equal("not checked: the API check failed", c.Detail));
        _members.Verify(m => m.ListMembersAsync(It.IsAny<Connector>(), It.IsAny<SyncNotes>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task APlatformWhoseMembersAreAtTheFirstLocation_ListsNoMembers()
    {
        _members.SetupGet(m => m.MembersAtFirstLocation).Returns(true);

        var check = await ConnectorTestRunner.LocationsCheckAsync(Connector, _members.Object, CancellationToken.None);

        Assert.True(check.Ok);
        Assert.Equal("every member is at the connector's first location, loc_1", check.Detail);
        _members.Verify(m => m.ListMembersAsync(It.IsAny<Connector>(), It.IsAny<SyncNotes>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task APlatformFailingWhileListing_FailsTheLocationsCheckWithItsMessage()
    {
        _members.Setup(m => m.ListMembersAsync(Connector, It.IsAny<SyncNotes>(), It.IsAny<CancellationToken>()))
            .Returns(Failing(new PlatformException("the platform is down", isTransient: true)));

        var check = await ConnectorTestRunner.LocationsCheckAsync(Connector, _members.Object, CancellationToken.None);

        Assert.False(check.Ok);
        Assert.Equal("the platform is down", check.Detail);
    }

    private ConnectorTestRunner Runner()
    {
        var platform = new Mock<IPlatform>();
        platform.SetupGet(p => p.Name).Returns("acme");
        platform.SetupGet(p => p.Members).Returns(_members.Object);
        platform.SetupGet(p => p.Checks).Returns(_checks.Object);
        return new ConnectorTestRunner(new ConnectorStore(new StateTables(new TableServiceClient("UseDevelopmentStorage=true"))), new PlatformRegistry([platform.Object]));
    }

    private static PlatformMember Member(string id, string? location) =>
        new() { MemberId = id, Status = MemberStatus.Active, LocationId = location, UpdatedAt = DateTimeOffset.UnixEpoch };

    private static async IAsyncEnumerable<PlatformMember> Members(params PlatformMember[] members)
    {
        foreach (var member in members)
        {
            await Task.Yield();
            yield return member;
        }
    }

    private static async IAsyncEnumerable<PlatformMember> Failing(Exception failure)
    {
        yield return await Task.FromException<PlatformMember>(failure);
    }
}
