using CoworkSync.Connectors.Seam;
using CoworkSync.Members.History;
using CoworkSync.Members.Records;

namespace CoworkSync.UnitTests.Members.History;

public sealed class MemberChangesTests
{
    private static readonly MemberRecord Before = new()
    {
        ConnectorId = "berlin",
        Username = "ada@example.com",
        Platform = new PlatformMember
        {
            MemberId = "m1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Status = MemberStatus.Active,
            MembershipStatus = MembershipStatus.Active, PlanName = "Flex", UpdatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    [Fact]
    public void ANewMember_SaysSo_WithTheirAccount()
    {
        var change = MemberChanges.Describe(null, Before, "Created");

        Assert.Equal("new member: active, plan Flex; account ada@example.com created", change);
    }

    [Fact]
    public void ARepeat_OrANewerVersionOfTheSameState_IsNoChange()
    {
        var newer = Before with { Platform = Before.Platform with { UpdatedAt = DateTimeOffset.UnixEpoch.AddHours(1) }, LastEventId = "evt_2" };

        Assert.Null(MemberChanges.Describe(Before, Before, "Unchanged"));
        Assert.Null(MemberChanges.Describe(Before, newer, "Unchanged"));
    }

    [Fact]
    public void ASuspension_NamesTheStatusAndTheDisabledAccount()
    {
        var after = Before with { Platform = Before.Platform with { Status = MemberStatus.Suspended }, Reason = "member suspended" };

        var change = MemberChanges.Describe(Before, after, "Disabled");

        Assert.Equal("status active → suspended; account disabled (member suspended)", change);
    }

    [Fact]
    public void APlanAndEmailChange_AreBothNamed()
    {
        var after = Before with { Platform = Before.Platform with { PlanName = "Full-time", Email = "ada@new.example" } };

        var change = MemberChanges.Describe(Before, after, "Updated");

        Assert.Equal("plan Flex → Full-time; email now ada@new.example; account's access changed", change);
    }
}
