using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotMapperTests
{
    private static readonly ConnectorLocation Berlin = new("loc_1", "Mitte", "Europe/Berlin");

    // 2026-11-23 23:30 UTC is already 2026-11-24 in Berlin.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DocumentedExample_MapsThePlanByParentPlan_AndApi1Dates()
    {
        var member = CobotMapper.ToPlatformMember(Parse("""
            {"id":"0c4f","name":"johnny doe","email":"johnny@example.com","user":{"id":"1d4d","email":"johnny@example.com"},
             "plan":{"id":"copy-1","name":"basic plan","parent_plan":{"id":"1234"},"canceled_to":null},
             "upcoming_plan":null,"confirmed_at":"2010/01/01 12:00:00 +0000","starts_at":"2010/01/01","canceled_to":null}
            """), Berlin, LateEvening);

        Assert.Equal("0c4f", member.MemberId);
        Assert.Equal(("johnny", "doe"), (member.FirstName, member.LastName));
        Assert.Equal("1234", member.PlanId);
        Assert.Equal("basic plan", member.PlanName);
        Assert.Equal(MembershipStatus.Active, member.MembershipStatus);
        Assert.Equal(new DateOnly(2010, 1, 1), member.BillingCycleAnchor);
        Assert.Equal("loc_1", member.LocationId);
        Assert.Equal(LateEvening, member.UpdatedAt);
    }

    [Theory]
    [InlineData(null, "2026/11/01", null, MembershipStatus.Pending)]            // not confirmed
    [InlineData("2026/11/01 10:00:00 +0000", "2026/11/25", null, MembershipStatus.Pending)] // starts later
    [InlineData("2026/11/01 10:00:00 +0000", "2026/11/24", null, MembershipStatus.Active)]  // starts today in Berlin (still the 23rd in UTC)
    [InlineData("2026/11/01 10:00:00 +0000", "2026/11/01", "2026/11/24", MembershipStatus.Active)] // last day today
    [InlineData("2026/11/01 10:00:00 +0000", "2026/11/01", "2026/11/23", MembershipStatus.Ended)]  // ended yesterday in Berlin
    [InlineData(null, "2026/11/01", "2026/11/20", MembershipStatus.Ended)]
    public void Status_ComesFromConfirmedStartsAndCanceledTo_InTheLocationsTimeZone(string? confirmed, string starts, string? canceledTo, MembershipStatus expected)
    {
        var membership = new CobotMembership { Id = "m1", ConfirmedAt = confirmed, StartsAt = starts, CanceledTo = canceledTo, Email = "a@b.c" };

        Assert.Equal(expected, CobotMapper.ToPlatformMember(membership, Berlin, LateEvening).MembershipStatus);
    }

    [Theory]
    [InlineData("2026/11/24", "pln_full", "Full-time")]
    [InlineData("2026/11/25", "pln_flex", "Flex")]
    public void UpcomingPlan_AppliesOnItsDate(string changeDate, string expectedId, string expectedName)
    {
        var membership = Parse($$$"""
            {"id":"m1","email":"a@b.c","plan":{"id":"c1","name":"Flex","parent_plan":{"id":"pln_flex"}},
             "upcoming_plan":{"id":"c2","name":"Full-time","parent_plan":{"id":"pln_full"},"starts_at":"{{{changeDate}}}"},
             "confirmed_at":"2026/01/01 12:00:00 +0000","starts_at":"2026/01/01"}
            """);

        var member = CobotMapper.ToPlatformMember(membership, Berlin, LateEvening);

        Assert.Equal((expectedId, expectedName), (member.PlanId, member.PlanName));
    }

    [Fact]
    public void ThePlan_IsNamedAsTheSpaceNamesItNow_WhenKnown()
    {
        var membership = Parse("""{"id":"m1","email":"a@b.c","plan":{"id":"c1","name":"Flex (2019)","parent_plan":{"id":"pln_flex"}}}""");

        Assert.Equal("Flex", CobotMapper.ToPlatformMember(membership, Berlin, LateEvening, planNames: new Dictionary<string, string> { ["pln_flex"] = "Flex" }).PlanName);
        Assert.Equal("Flex (2019)", CobotMapper.ToPlatformMember(membership, Berlin, LateEvening, planNames: new Dictionary<string, string>()).PlanName);
    }

    [Fact]
    public void MemberWithoutUserAccount_KeepsTheMembershipsEmail()
    {
        var member = CobotMapper.ToPlatformMember(Parse("""{"id":"m1","name":"No Login","email":" guest@example.com ","user":null,"plan":{"parent_plan":{"id":7}}}"""), Berlin, LateEvening);

        Assert.Equal("guest@example.com", member.Email);
        Assert.Equal("7", member.PlanId);
    }

    [Theory]
    [InlineData("2010-01-01T12:00:00Z")]
    [InlineData("2010/01/01 13:00:00 +0100")]
    [InlineData("2010/01/01 12:00:00 +0000")]
    public void Times_InApi1OrIso_Parse(string text) =>
        Assert.Equal(new DateTimeOffset(2010, 1, 1, 12, 0, 0, TimeSpan.Zero), CobotDates.Time(text, "t"));

    [Fact]
    public void ABadDate_NamesTheField_NotTheMember()
    {
        var ex = Assert.Throws<CobotPayloadException>(() =>
            CobotMapper.ToPlatformMember(new CobotMembership { Id = "m1", Name = "Ada Lovelace", StartsAt = "first of May" }, Berlin, LateEvening));

        Assert.Contains("starts_at", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", ex.Message, StringComparison.Ordinal);
    }

    private static CobotMembership Parse(string json) => JsonSerializer.Deserialize<CobotMembership>(json)!;
}
