using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotMemberMatchingTests
{
    private static readonly Connector CoUp = CobotConnector("co-up", "co-up");
    private static readonly Connector CoUpAgain = CobotConnector("co-up-annex", "CO-UP");
    private static readonly Connector CoDown = CobotConnector("co-down", "co-down");

    [Fact]
    public void AMembership_IsTheMemberWithItsIdOnTheConnectorOfItsSpace()
    {
        var user = User(("ms-1", "co-up"));

        Assert.Equal([new ProvenMember("co-up", "ms-1")], CobotMemberMatching.Candidates(user, [CoUp, CoDown]));
    }

    [Fact]
    public void AUserWithMembershipsInSeveralConnectedSpaces_IsAMemberInEach_AndInEveryConnectorOfASpace()
    {
        var user = User(("ms-1", "co-up"), ("ms-2", "co-down"), ("ms-3", "elsewhere"));

        var candidates = CobotMemberMatching.Candidates(user, [CoUp, CoDown, CoUpAgain]);

        Assert.Equal([new ProvenMember("co-up", "ms-1"), new ProvenMember("co-up-annex", "ms-1"), new ProvenMember("co-down", "ms-2")], candidates);
    }

    [Fact]
    public void TheEmail_MatchesNothing_OnlyMembershipIdsDo()
    {
        var user = new CobotSignedInUser("user-1", "ada@example.com", []);

        Assert.Empty(CobotMemberMatching.Candidates(user, [CoUp]));
    }

    [Fact]
    public void AMembershipWithoutIdOrSpace_AndAnotherPlatformsConnector_MatchNothing()
    {
        var coworks = new Connector
        {
            Id = "co-up",
            Platform = CoworksPlatform.PlatformName,
            DisplayName = "Not Cobot",
            PlatformSettings = new CoworksConnectorSettings(new Uri("https://api.coworks.example/"), "co-up").ToPlatformSettings(),
        };
        var user = new CobotSignedInUser("user-1", null, [new(null, "co-up"), new("ms-1", null), new(" ", "co-up"), null, new("ms-2", "co-up")]);

        Assert.Empty(CobotMemberMatching.Candidates(user with { Memberships = [.. user.Memberships!.Take(4)] }, [CoUp, coworks]));
        Assert.Equal([new ProvenMember("co-up", "ms-2")], CobotMemberMatching.Candidates(user, [coworks, CoUp]));
    }

    private static CobotSignedInUser User(params (string Id, string Space)[] memberships) =>
        new("user-1", "someone@example.com", [.. memberships.Select(m => new CobotSignedInMembership(m.Id, m.Space))]);

    private static Connector CobotConnector(string id, string subdomain) => new()
    {
        Id = id,
        Platform = CobotPlatform.PlatformName,
        DisplayName = id,
        PlatformSettings = new CobotConnectorSettings(subdomain, new Uri($"https://{subdomain}.cobot.me/"), new Uri("https://www.cobot.me/")).ToPlatformSettings(),
    };
}
