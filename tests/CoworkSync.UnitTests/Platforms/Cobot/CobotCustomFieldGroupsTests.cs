using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotCustomFieldGroupsTests
{
    private static readonly HashSet<string> Known = ["flex", "fulltime", "night-owls", "lab"];

    [Fact]
    public void KnownIds_AreReadCanonically_UnknownOnesReturned()
    {
        var fields = new CobotMembershipFields("m1", [new("f1", "Phone", "123"), new("f2", "wifi groups", " Lab, night-owls ,,lab, ghosts ")]);

        var (groups, unknown) = CobotCustomFieldGroups.Read(fields, "WiFi groups", Known);

        Assert.Equal("lab,night-owls", groups);
        Assert.Equal(["ghosts"], unknown);
    }

    [Fact]
    public void NoFieldOrEmptyValue_GivesNoGroups()
    {
        Assert.Equal((null, 0), Flatten(CobotCustomFieldGroups.Read(new CobotMembershipFields("m1", [new("f1", "Phone", "123")]), "WiFi groups", Known)));
        Assert.Equal((null, 0), Flatten(CobotCustomFieldGroups.Read(new CobotMembershipFields("m1", [new("f2", "WiFi groups", "")]), "WiFi groups", Known)));
        Assert.Equal((null, 0), Flatten(CobotCustomFieldGroups.Read(null, "WiFi groups", Known)));
    }

    [Fact]
    public void ExtraGroups_AreAddedToThePlansGroups_ByThePolicy()
    {
        var member = new PlatformMember
        {
            MemberId = "m1", Email = "a@b.c", Status = MemberStatus.Active, MembershipStatus = MembershipStatus.Active,
            PlanName = "Flex", ExtraGroups = "lab,night-owls", UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        var decision = AccessPolicy.Decide(member, new ConnectorSettings(), PlanMapping.Defaults, hasAccount: false);

        Assert.True(decision.Enabled);
        Assert.Equal(["flex", "lab", "night-owls"], decision.Groups);
    }

    private static (string?, int) Flatten((string? Groups, IReadOnlyList<string> Unknown) read) => (read.Groups, read.Unknown.Count);
}
