using CoworkSync.Access;

namespace CoworkSync.UnitTests.Access;

public sealed class AccessGroupMergerTests
{
    private static readonly TimeWindow Morning = new(new(8, 0), new(12, 0));
    private static readonly TimeWindow Afternoon = new(new(13, 0), new(18, 0));

    [Fact]
    public void Merge_FlexAndFullTime_TakesTheMostGenerousValueOfEach()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.Flex, AccessGroupDefaults.FullTime]);

        Assert.True(access.HasAccess);
        Assert.Null(access.HoursPerCycle);
        Assert.Null(access.TimeWindows);
        Assert.Equal(50_000, access.BandwidthDownKbps);
        Assert.Equal(3, access.MaxConcurrentSessions);
        Assert.Equal(["fulltime", "flex"], access.GroupIds);
    }

    [Fact]
    public void Merge_TwoLimitedGroups_UnionsWindowsPerWeekday_AndTakesTheLargerNumbers()
    {
        var a = Group("a", hours: 10, windows: new() { [DayOfWeek.Monday] = [Morning] }, sessionCap: 3600, down: 1000, sessions: 1);
        var b = Group("b", hours: 20, windows: new() { [DayOfWeek.Monday] = [Afternoon], [DayOfWeek.Tuesday] = [Morning] }, sessionCap: 7200, down: 2000, sessions: 4);

        var access = AccessGroupMerger.Merge([a, b]);

        Assert.Equal(20, access.HoursPerCycle);
        Assert.Equal(7200, access.SessionTimeoutCapSeconds);
        Assert.Equal(2000, access.BandwidthDownKbps);
        Assert.Equal(4, access.MaxConcurrentSessions);
        Assert.Equal(["08:00–12:00", "13:00–18:00"], access.TimeWindows![DayOfWeek.Monday].Select(w => w.ToString()));
        Assert.Equal(["08:00–12:00"], access.TimeWindows[DayOfWeek.Tuesday].Select(w => w.ToString()));
        Assert.False(access.TimeWindows.ContainsKey(DayOfWeek.Wednesday));
    }

    [Fact]
    public void Merge_NullMeansUnlimited_AndBeatsAnyNumber()
    {
        var limited = Group("limited", hours: 10, sessionCap: 3600, down: 1000, sessions: 1);
        var unlimited = Group("unlimited");

        var access = AccessGroupMerger.Merge([limited, unlimited]);

        Assert.Null(access.HoursPerCycle);
        Assert.Null(access.SessionTimeoutCapSeconds);
        Assert.Null(access.BandwidthDownKbps);
        Assert.Null(access.MaxConcurrentSessions);
    }

    [Fact]
    public void Merge_InterimInterval_TakesTheShortest()
    {
        var access = AccessGroupMerger.Merge([Group("a") with { AcctInterimIntervalSeconds = 600 }, Group("b") with { AcctInterimIntervalSeconds = 120 }]);

        Assert.Equal(120, access.AcctInterimIntervalSeconds);
    }

    [Fact]
    public void Merge_FullTimeWithTrial_TrialCapsEveryLimit()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.FullTime, AccessGroupDefaults.Trial]);

        Assert.Equal(5, access.HoursPerCycle);
        Assert.Equal(7200, access.SessionTimeoutCapSeconds);
        Assert.Equal(5_000, access.BandwidthDownKbps);
        Assert.Equal(5_000, access.BandwidthUpKbps);
        Assert.Equal(2, access.MaxConcurrentSessions);
        Assert.Equal(Weekdays.MondayToFriday, access.TimeWindows!.Keys.Order());
        Assert.All(access.TimeWindows.Values, day => Assert.Equal("09:00–18:00", Assert.Single(day).ToString()));
    }

    [Fact]
    public void Merge_DedicatedWithTrial_IsCappedEvenThoughDedicatedHasHigherPriority()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.Dedicated, AccessGroupDefaults.Trial]);

        Assert.Equal(5, access.HoursPerCycle);
        Assert.Equal(5_000, access.BandwidthDownKbps);
        Assert.Equal(["dedicated", "trial"], access.GroupIds);
    }

    [Fact]
    public void Merge_CappingGroup_WindowsAreTheIntersection()
    {
        var member = Group("member", windows: new() { [DayOfWeek.Monday] = [new TimeWindow(new(8, 0), new(20, 0))], [DayOfWeek.Saturday] = [Morning] });
        var cap = Group("cap", capsOthers: true, windows: new() { [DayOfWeek.Monday] = [new TimeWindow(new(7, 0), new(10, 0)), new TimeWindow(new(19, 0), TimeOnly.MinValue)] });

        var access = AccessGroupMerger.Merge([member, cap]);

        Assert.Equal(["08:00–10:00", "19:00–20:00"], access.TimeWindows![DayOfWeek.Monday].Select(w => w.ToString()));
        Assert.False(access.TimeWindows.ContainsKey(DayOfWeek.Saturday));
    }

    [Fact]
    public void Merge_CappingGroupWithoutALimit_LeavesThatValueUncapped()
    {
        var member = Group("member", hours: 40, down: 10_000);
        var cap = Group("cap", capsOthers: true, down: 2_000);

        var access = AccessGroupMerger.Merge([member, cap]);

        Assert.Equal(40, access.HoursPerCycle);
        Assert.Null(access.TimeWindows);
        Assert.Equal(2_000, access.BandwidthDownKbps);
    }

    [Fact]
    public void Merge_CappingGroupMoreGenerousThanThePlan_DoesNotRaiseIt()
    {
        var generousTrial = AccessGroupDefaults.Trial with { BandwidthDownKbps = 20_000, HoursPerCycle = 80, TimeWindows = null };

        var access = AccessGroupMerger.Merge([AccessGroupDefaults.Flex, generousTrial]);

        Assert.Equal(10_000, access.BandwidthDownKbps);
        Assert.Equal(40, access.HoursPerCycle);
        Assert.Equal(7200, access.SessionTimeoutCapSeconds);
        Assert.Equal("08:00–20:00", Assert.Single(access.TimeWindows![DayOfWeek.Monday]).ToString());
    }

    [Fact]
    public void Merge_FlexWithTrial_WindowsAreTheTrials()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.Flex, AccessGroupDefaults.Trial]);

        Assert.Equal("09:00–18:00", Assert.Single(access.TimeWindows![DayOfWeek.Wednesday]).ToString());
        Assert.Equal(5, access.HoursPerCycle);
    }

    [Fact]
    public void Merge_CappingGroupCapsAnUnlimitedValue()
    {
        var access = AccessGroupMerger.Merge([Group("member"), Group("cap", capsOthers: true, hours: 3, sessions: 1)]);

        Assert.Equal(3, access.HoursPerCycle);
        Assert.Equal(1, access.MaxConcurrentSessions);
    }

    [Fact]
    public void Merge_TwoCappingGroups_TheStricterWins()
    {
        var access = AccessGroupMerger.Merge([Group("a", capsOthers: true, hours: 5), Group("b", capsOthers: true, hours: 2), Group("c")]);

        Assert.Equal(2, access.HoursPerCycle);
    }

    [Fact]
    public void Merge_TrialAlone_IsTheTrial()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.Trial]);

        Assert.Equal(5, access.HoursPerCycle);
        Assert.Equal(7200, access.SessionTimeoutCapSeconds);
        Assert.Equal(5, access.TimeWindows!.Count);
    }

    [Fact]
    public void Merge_Vlan_ComesFromTheHighestPriorityGroupThatSetsIt()
    {
        var low = Group("low", priority: 1, vlan: 10);
        var high = Group("high", priority: 9, vlan: 20);
        var highest = Group("highest", priority: 99);

        Assert.Equal(20, AccessGroupMerger.Merge([low, highest, high]).VlanId);
        Assert.Equal(10, AccessGroupMerger.Merge([low, highest]).VlanId);
        Assert.Null(AccessGroupMerger.Merge([highest]).VlanId);
    }

    [Fact]
    public void Merge_VlanPriorityTie_TheSmallerGroupIdWins()
    {
        Assert.Equal(1, AccessGroupMerger.Merge([Group("zeta", vlan: 2), Group("alpha", vlan: 1)]).VlanId);
    }

    [Fact]
    public void Merge_ExtraAttributes_EachFromTheHighestPriorityGroupThatSetsIt()
    {
        var low = Group("low", priority: 1) with { ExtraReplyAttributes = Attributes(("Idle-Timeout", "600"), ("Class", "low")) };
        var high = Group("high", priority: 5) with { ExtraReplyAttributes = Attributes(("idle-timeout", "900")) };

        var access = AccessGroupMerger.Merge([low, high]);

        Assert.Equal(2, access.ExtraReplyAttributes.Count);
        Assert.Equal("900", access.ExtraReplyAttributes["Idle-Timeout"]);
        Assert.Equal("low", access.ExtraReplyAttributes["Class"]);
    }

    [Fact]
    public void Merge_NoGroup_IsNoAccess()
    {
        var access = AccessGroupMerger.Merge([]);

        Assert.False(access.HasAccess);
        Assert.Equal(0, access.HoursPerCycle);
        Assert.Empty(access.TimeWindows!);
        Assert.Empty(access.GroupIds);
        Assert.False(AccessSchedule.Evaluate(access, DateTimeOffset.UtcNow, TimeZoneInfo.Utc).Allowed);
    }

    [Fact]
    public void Merge_OneGroup_NormalizesItsWindows()
    {
        var group = Group("g", windows: new() { [DayOfWeek.Friday] = [Afternoon, Morning, new TimeWindow(new(11, 0), new(14, 0))], [DayOfWeek.Sunday] = [] });

        var access = AccessGroupMerger.Merge([group]);

        Assert.Equal("08:00–18:00", Assert.Single(access.TimeWindows![DayOfWeek.Friday]).ToString());
        Assert.False(access.TimeWindows.ContainsKey(DayOfWeek.Sunday));
    }

    [Fact]
    public void Defaults_AreTheFourProvisioningGroups_AndOnlyTrialCaps()
    {
        Assert.Equal(CoworkSync.Access.AccessGroups.Defaults, AccessGroupDefaults.All.Select(g => g.Id));
        Assert.Equal(["trial"], AccessGroupDefaults.All.Where(g => g.CapsOthers).Select(g => g.Id));
        Assert.True(AccessGroupDefaults.Dedicated.Priority > AccessGroupDefaults.FullTime.Priority);
        Assert.True(AccessGroupDefaults.Dedicated.BandwidthDownKbps > AccessGroupDefaults.FullTime.BandwidthDownKbps);
    }

    private static AccessGroup Group(
        string id, double? hours = null, Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? windows = null, int? sessionCap = null,
        int? down = null, int? sessions = null, int priority = 0, int? vlan = null, bool capsOthers = false) => new()
        {
            Id = id,
            DisplayName = id,
            HoursPerCycle = hours,
            TimeWindows = windows,
            SessionTimeoutCapSeconds = sessionCap,
            BandwidthDownKbps = down,
            BandwidthUpKbps = down,
            MaxConcurrentSessions = sessions,
            Priority = priority,
            VlanId = vlan,
            CapsOthers = capsOthers,
        };

    private static Dictionary<string, string> Attributes(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
}
