using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;

namespace CoworkSync.UnitTests.Members.Provisioning;

public sealed class AccessPolicyTests
{
    private static readonly ConnectorSettings Defaults = new();

    [Theory]
    [InlineData("Flex", "flex")]
    [InlineData("Full-time", "fulltime")]
    [InlineData("dedicated", "dedicated")]
    public void Decide_ActiveMemberOnAMappedPlan_IsEnabledInThePlansGroup(string plan, string group)
    {
        var decision = AccessPolicy.Decide(Member(plan: plan), Defaults, PlanMapping.Defaults, hasAccount: false);

        Assert.True(decision.Enabled);
        Assert.True(decision.MayCreateAccount);
        Assert.Equal([group], decision.Groups);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Decide_TrialMember_GetsTheTrialGroupOnTopOfThePlans()
    {
        var decision = AccessPolicy.Decide(Member(status: MemberStatus.Trial), Defaults, PlanMapping.Defaults, hasAccount: true);

        Assert.True(decision.Enabled);
        Assert.Equal(["flex", "trial"], decision.Groups);
    }

    [Theory]
    [InlineData(MemberStatus.Inactive, AccessReasons.MemberInactive)]
    [InlineData(MemberStatus.Suspended, AccessReasons.MemberSuspended)]
    public void Decide_InactiveOrSuspended_IsDisabled(MemberStatus status, string reason)
    {
        var decision = AccessPolicy.Decide(Member(status: status), Defaults, PlanMapping.Defaults, hasAccount: true);

        Assert.False(decision.Enabled);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    [InlineData(MembershipStatus.None, AccessReasons.NoMembership)]
    [InlineData(MembershipStatus.Pending, AccessReasons.MembershipPending)]
    [InlineData(MembershipStatus.Ended, AccessReasons.MembershipEnded)]
    public void Decide_NoCurrentMembership_GivesNoAccess(MembershipStatus membership, string reason)
    {
        var decision = AccessPolicy.Decide(Member(membership: membership), Defaults, PlanMapping.Defaults, hasAccount: true);

        Assert.False(decision.Enabled);
        Assert.False(decision.MayCreateAccount);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Decide_EndedMembershipWithAutoDeprovisionOff_KeepsTheAccountAndFlagsIt()
    {
        var decision = AccessPolicy.Decide(Member(membership: MembershipStatus.Ended), Defaults with { AutoDeprovision = false }, PlanMapping.Defaults, hasAccount: true);

        Assert.True(decision.Enabled);
        Assert.True(decision.Flagged);
        Assert.Equal(AccessReasons.MembershipEndedKeptOpen, decision.Reason);
    }

    [Fact]
    public void Decide_VirtualPlan_GivesNoWifi()
    {
        var decision = AccessPolicy.Decide(Member(plan: "Virtual"), Defaults, PlanMapping.Defaults, hasAccount: false);

        Assert.False(decision.MayCreateAccount);
        Assert.Equal(AccessReasons.PlanWithoutWifi, decision.Reason);
    }

    [Fact]
    public void Decide_UnmappedPlan_IsSkippedWithItsReason()
    {
        var decision = AccessPolicy.Decide(Member(plan: "Night Owl"), Defaults, PlanMapping.Defaults, hasAccount: false);

        Assert.False(decision.Enabled);
        Assert.Equal(AccessReasons.PlanNotMapped, decision.Reason);
    }

    [Fact]
    public void Decide_MappingByPlanId_WinsOverTheDefaultByName()
    {
        PlanMapping[] mappings = [new("pln_flex", "Flex", ["dedicated"]), .. PlanMapping.Defaults];

        var decision = AccessPolicy.Decide(Member(plan: "Flex") with { PlanId = "pln_flex" }, Defaults, mappings, hasAccount: true);

        Assert.Equal(["dedicated"], decision.Groups);
    }

    [Fact]
    public void Decide_AutoProvisionOff_CreatesNoAccount_ButKeepsAnExistingOneEnabled()
    {
        var settings = Defaults with { AutoProvision = false };

        var without = AccessPolicy.Decide(Member(), settings, PlanMapping.Defaults, hasAccount: false);
        var with = AccessPolicy.Decide(Member(), settings, PlanMapping.Defaults, hasAccount: true);

        Assert.False(without.MayCreateAccount);
        Assert.Equal(AccessReasons.AutoProvisionOff, without.Reason);
        Assert.True(with.Enabled);
    }

    [Fact]
    public void Decide_MemberWithoutEmail_GetsNoAccountAndIsFlagged()
    {
        var decision = AccessPolicy.Decide(Member() with { Email = null }, Defaults, PlanMapping.Defaults, hasAccount: false);

        Assert.False(decision.MayCreateAccount);
        Assert.True(decision.Flagged);
        Assert.Equal(AccessReasons.NoEmail, decision.Reason);
    }

    private static PlatformMember Member(string plan = "Flex", MemberStatus status = MemberStatus.Active, MembershipStatus membership = MembershipStatus.Active) => new()
    {
        MemberId = "mem_42",
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Status = status,
        MembershipStatus = membership,
        PlanId = "pln_" + plan.ToLowerInvariant(),
        PlanName = plan,
        UpdatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };
}
