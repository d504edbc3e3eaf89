using CoworkSync.Administration.Members;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;

namespace CoworkSync.UnitTests.Administration.Members;

public sealed class MemberAccountRulesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("ada@example.com", true)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("ada\n@example.com", false)]
    public void CheckUsername_AcceptsNoneOrPrintableNames(string? username, bool accepted) =>
        Assert.Equal(accepted, MemberAccountRules.CheckUsername(username) is null);

    [Fact]
    public void CheckUsername_ALongName_IsRefusedWithTheLimit() =>
        Assert.Equal(("username", "must be 1-200 printable characters"),
            MemberAccountRules.CheckUsername(new string('a', 201)) is { } error ? (error.Field, error.Reason) : default);

    [Fact]
    public void Conflict_AMemberWithAnAccount_GetsNoSecond()
    {
        var member = new MemberRecord { ConnectorId = "berlin", Platform = new PlatformMember { MemberId = "m1", Status = MemberStatus.Active, UpdatedAt = DateTimeOffset.UnixEpoch } };

        Assert.Null(MemberAccountRules.Conflict(member));
        Assert.Equal("Member 'm1' already has the account 'ada@example.com'.", MemberAccountRules.Conflict(member with { Username = "ada@example.com" }));
    }
}
