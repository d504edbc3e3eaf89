using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms.Coworks;

public sealed class CoworksMapperTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    private static CoworksMember Member(string? status = "active") => new()
    {
        Id = "mem_42",
        FirstName = " Ada ",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Status = status,
        LocationId = "loc_1",
        UpdatedAt = UpdatedAt,
    };

    private static CoworksMembership Membership(string? status = "active") => new()
    {
        Id = "ms_7",
        Status = status,
        Plan = new CoworksPlan { Id = "pln_flex", Name = "Flex" },
        StartsOn = new DateOnly(2026, 11, 1),
        BillingCycleAnchor = new DateOnly(2026, 11, 3),
    };

    [Fact]
    public void ToPlatformMember_MemberWithMembership_MapsEveryField()
    {
        var mapped = CoworksMapper.ToPlatformMember(Member(), Membership());

        Assert.Equal(new PlatformMember
        {
            MemberId = "mem_42",
            FirstName = "Ada",
            LastName = "Lovelace",
            Email = "ada@example.com",
            Status = MemberStatus.Active,
            MembershipStatus = MembershipStatus.Active,
            PlanId = "pln_flex",
            PlanName = "Flex",
            LocationId = "loc_1",
            BillingCycleAnchor = new DateOnly(2026, 11, 3),
            UpdatedAt = UpdatedAt,
        }, mapped);
    }

    [Fact]
    public void ToPlatformMember_NoMembership_HasNoneAndNoPlan()
    {
        var mapped = CoworksMapper.ToPlatformMember(Member(), null);

        Assert.Equal(MembershipStatus.None, mapped.MembershipStatus);
        Assert.Null(mapped.PlanId);
        Assert.Null(mapped.PlanName);
        Assert.Null(mapped.BillingCycleAnchor);
    }

    [Fact]
    public void ToPlatformMember_ApiMember_UsesNestedMembership()
    {
        var mapped = CoworksMapper.ToPlatformMember(Member() with { Membership = Membership("pending") });

        Assert.Equal(MembershipStatus.Pending, mapped.MembershipStatus);
        Assert.Equal("pln_flex", mapped.PlanId);
    }

    [Fact]
    public void ToPlatformMember_MembershipWithoutPlan_HasNoPlan()
    {
        var mapped = CoworksMapper.ToPlatformMember(Member(), Membership() with { Plan = null });

        Assert.Equal(MembershipStatus.Active, mapped.MembershipStatus);
        Assert.Null(mapped.PlanId);
    }

    [Fact]
    public void ToPlatformMember_BlankOptionalFields_BecomeEmptyOrNull()
    {
        var member = Member() with { FirstName = null, LastName = null, Email = " ", LocationId = "" };

        var mapped = CoworksMapper.ToPlatformMember(member, null);

        Assert.Equal("", mapped.FirstName);
        Assert.Equal("", mapped.LastName);
        Assert.Null(mapped.Email);
        Assert.Null(mapped.LocationId);
    }

    [Theory]
    [InlineData("active", MemberStatus.Active)]
    [InlineData("trial", MemberStatus.Trial)]
    [InlineData("inactive", MemberStatus.Inactive)]
    [InlineData("suspended", MemberStatus.Suspended)]
    [InlineData("ACTIVE", MemberStatus.Active)]
    public void ToPlatformMember_MemberStatus_MapsToMemberStatus(string status, MemberStatus expected)
    {
        Assert.Equal(expected, CoworksMapper.ToPlatformMember(Member(status), null).Status);
    }

    [Theory]
    [InlineData("pending", MembershipStatus.Pending)]
    [InlineData("active", MembershipStatus.Active)]
    [InlineData("ended", MembershipStatus.Ended)]
    [InlineData("Ended", MembershipStatus.Ended)]
    public void ToPlatformMember_MembershipStatus_MapsToMembershipStatus(string status, MembershipStatus expected)
    {
        Assert.Equal(expected, CoworksMapper.ToPlatformMember(Member(), Membership(status)).MembershipStatus);
    }

    [Theory]
    [InlineData("archived", "unknown status 'archived'")]
    [InlineData("", "unknown status ''")]
    [InlineData(null, "has no status")]
    public void ToPlatformMember_BadMemberStatus_Throws(string? status, string expected)
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksMapper.ToPlatformMember(Member(status), null));

        Assert.Contains("Coworks member mem_42", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancelled", "unknown status 'cancelled'")]
    [InlineData(null, "has no status")]
    public void ToPlatformMember_BadMembershipStatus_Throws(string? status, string expected)
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksMapper.ToPlatformMember(Member(), Membership(status)));

        Assert.Contains("membership of Coworks member mem_42", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlatformMember_NoUpdatedAt_Throws()
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksMapper.ToPlatformMember(Member() with { UpdatedAt = null }, null));

        Assert.Equal("The Coworks member mem_42 has no updated_at.", ex.Message);
    }

    [Fact]
    public void ToPlatformMember_NoId_Throws()
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksMapper.ToPlatformMember(Member() with { Id = "" }, null));

        Assert.Equal("The Coworks member has no id.", ex.Message);
    }

    [Fact]
    public void ToPlatformMember_ParsedEvent_UsesMemberUpdatedAtNotEventTime()
    {
        var parsed = CoworksWebhookParser.Parse(CoworksSamples.Bytes(CoworksSamples.FullEvent));

        var mapped = parsed.ToPlatformMember();

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), mapped.UpdatedAt);
        Assert.NotEqual(parsed.CreatedAt, mapped.UpdatedAt);
        Assert.Equal(MembershipStatus.Active, mapped.MembershipStatus);
        Assert.Equal(new DateOnly(2026, 11, 1), mapped.BillingCycleAnchor);
    }
}
