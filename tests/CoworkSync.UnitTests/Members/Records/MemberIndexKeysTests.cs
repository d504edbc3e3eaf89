using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;

namespace CoworkSync.UnitTests.Members.Records;

public sealed class MemberIndexKeysTests
{
    [Fact]
    public void ForAMemberWithBothNames_HasTheNameBothWaysAndTheEmail()
    {
        var keys = MemberIndexKeys.For(Member("Ada", "Lovelace", "Ada@Example.com"));

        Assert.Equal(new MemberIndexKeys(MemberIndexKeys.CurrentVersion, "ada@example.com", "ada lovelace", "lovelace ada"), keys);
        Assert.Equal([("ada lovelace", false), ("lovelace ada", true)], keys.NameEntries());
    }

    [Theory]
    [InlineData("Ada", "", "ada")]
    [InlineData("", "Lovelace", "lovelace")]
    [InlineData("Ada", "Ada", "ada ada")]
    public void ForAMemberWithOneName_OrTheSameTwice_HasOneNameEntry(string first, string last, string expected)
    {
        var keys = MemberIndexKeys.For(Member(first, last, null));

        Assert.Null(keys.Email);
        Assert.Equal([(expected, false)], keys.NameEntries());
    }

    [Fact]
    public void ForAMemberWithoutAName_HasNoNameEntry()
    {
        Assert.Empty(MemberIndexKeys.For(Member(" ", "-", "x@example.com")).NameEntries());
    }

    [Fact]
    public void ChangesThatAreNotTheNameOrEmail_LeaveTheKeysEqual()
    {
        var member = Member("Ada", "Lovelace", "ada@example.com");

        var changed = member with { Status = MemberStatus.Suspended, PlanId = "pln_x", UpdatedAt = member.UpdatedAt.AddDays(1), FirstName = "ADA", Email = " ada@EXAMPLE.com" };

        Assert.Equal(MemberIndexKeys.For(member), MemberIndexKeys.For(changed));
        Assert.NotEqual(MemberIndexKeys.For(member), MemberIndexKeys.For(member with { LastName = "Byron" }));
        Assert.NotEqual(MemberIndexKeys.For(member), MemberIndexKeys.For(member with { Email = "ada@lovelace.org" }));
    }

    private static PlatformMember Member(string first, string last, string? email) => new()
    {
        MemberId = "mem_1",
        FirstName = first,
        LastName = last,
        Email = email,
        Status = MemberStatus.Active,
        UpdatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };
}
