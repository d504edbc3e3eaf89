using CoworkSync.Access;

namespace CoworkSync.UnitTests.Access;

public sealed class AccessScheduleTests
{
    private static readonly TimeOnly Midnight = TimeOnly.MinValue;

    [Fact]
    public void Evaluate_NoWindows_IsAllowedAroundTheClock()
    {
        var decision = AccessSchedule.Evaluate(AccessGroupMerger.Merge([AccessGroupDefaults.FullTime]), Zones.Utc(2026, 6, 13, 3), Zones.Berlin);

        Assert.Equal(new ScheduleDecision(true, null), decision);
    }

    [Fact]
    public void Evaluate_NoAccess_IsDenied()
    {
        Assert.False(AccessSchedule.Evaluate(EffectiveAccess.None, Zones.Utc(2026, 6, 10, 12), Zones.Berlin).Allowed);
    }

    [Fact]
    public void Evaluate_InsideAWindow_IsAllowedUntilItsEnd_InLocalTime()
    {
        var flex = AccessGroupMerger.Merge([AccessGroupDefaults.Flex]);

        var (allowed, end) = AccessSchedule.Evaluate(flex, Zones.Local(Zones.Berlin, 2026, 6, 10, 10), Zones.Berlin);

        Assert.True(allowed);
        Assert.Equal(Zones.Utc(2026, 6, 10, 18), end);
    }

    [Theory]
    [InlineData(7, 59)]
    [InlineData(20, 0)]
    [InlineData(23, 30)]
    public void Evaluate_OutsideTheWindows_IsDenied(int hour, int minute)
    {
        var flex = AccessGroupMerger.Merge([AccessGroupDefaults.Flex]);

        Assert.Equal(ScheduleDecision.Denied, AccessSchedule.Evaluate(flex, Zones.Local(Zones.Berlin, 2026, 6, 10, hour, minute), Zones.Berlin));
    }

    [Fact]
    public void Evaluate_ADayWithoutWindows_IsDenied()
    {
        var flex = AccessGroupMerger.Merge([AccessGroupDefaults.Flex]);

        Assert.False(AccessSchedule.Evaluate(flex, Zones.Local(Zones.Berlin, 2026, 6, 13, 12), Zones.Berlin).Allowed);
    }

    [Fact]
    public void Evaluate_TheWeekdayIsTheLocationsNotUtcs()
    {
        var flex = AccessGroupMerger.Merge([AccessGroupDefaults.Flex]);
        var mondayMorningInAuckland = Zones.Utc(2026, 6, 14, 21); // Sunday in UTC, Monday 09:00 in Auckland (+12).

        var (allowed, end) = AccessSchedule.Evaluate(flex, mondayMorningInAuckland, Zones.Auckland);

        Assert.True(allowed);
        Assert.Equal(Zones.Utc(2026, 6, 15, 8), end);
    }

    [Fact]
    public void Evaluate_KolkataHalfHourOffset_EndsAtLocalTime()
    {
        var access = Access(new() { [DayOfWeek.Wednesday] = [new TimeWindow(new(9, 0), new(17, 0))] });

        var decision = AccessSchedule.Evaluate(access, Zones.Utc(2026, 6, 10, 3, 30), Zones.Kolkata);

        Assert.Equal(new ScheduleDecision(true, Zones.Utc(2026, 6, 10, 11, 30)), decision);
    }

    [Fact]
    public void Evaluate_WindowEndingAtMidnight_EndsAtTheNextDaysMidnight()
    {
        var access = Access(new() { [DayOfWeek.Monday] = [new TimeWindow(new(18, 0), Midnight)] });

        var decision = AccessSchedule.Evaluate(access, Zones.Local(Zones.Berlin, 2026, 6, 8, 23), Zones.Berlin);

        Assert.Equal(new ScheduleDecision(true, Zones.Local(Zones.Berlin, 2026, 6, 9)), decision);
    }

    [Fact]
    public void Evaluate_WindowEndingAtMidnight_FollowedByOneAtMidnight_EndsAtTheLaterEnd()
    {
        var access = Access(new()
        {
            [DayOfWeek.Monday] = [new TimeWindow(new(18, 0), Midnight)],
            [DayOfWeek.Tuesday] = [new TimeWindow(Midnight, new(6, 0)), new TimeWindow(new(18, 0), Midnight)],
            [DayOfWeek.Wednesday] = [new TimeWindow(Midnight, new(2, 0))],
        });

        var monday = AccessSchedule.Evaluate(access, Zones.Local(Zones.Berlin, 2026, 6, 8, 20), Zones.Berlin);
        var tuesdayNight = AccessSchedule.Evaluate(access, Zones.Local(Zones.Berlin, 2026, 6, 9, 1), Zones.Berlin);

        Assert.Equal(Zones.Local(Zones.Berlin, 2026, 6, 9, 6), monday.WindowEnd);
        Assert.Equal(Zones.Local(Zones.Berlin, 2026, 6, 9, 6), tuesdayNight.WindowEnd);
    }

    [Fact]
    public void Evaluate_WholeDaysForSeveralDays_EndsAfterTheLastOne()
    {
        var access = Access(new()
        {
            [DayOfWeek.Friday] = [new TimeWindow(new(9, 0), Midnight)],
            [DayOfWeek.Saturday] = [TimeWindow.WholeDay],
            [DayOfWeek.Sunday] = [new TimeWindow(Midnight, new(12, 0))],
        });

        var decision = AccessSchedule.Evaluate(access, Zones.Local(Zones.Berlin, 2026, 6, 12, 10), Zones.Berlin);

        Assert.Equal(Zones.Local(Zones.Berlin, 2026, 6, 14, 12), decision.WindowEnd);
    }

    [Fact]
    public void Evaluate_EveryDayWhole_NeverEnds()
    {
        var access = Access(Weekdays.MondayFirst.ToDictionary(d => d, _ => (IReadOnlyList<TimeWindow>)[TimeWindow.WholeDay]));

        Assert.Equal(ScheduleDecision.AroundTheClock, AccessSchedule.Evaluate(access, Zones.Utc(2026, 6, 10), Zones.Berlin));
    }

    [Fact]
    public void Evaluate_BerlinSpringForward_TheWindowIsAnHourShorter()
    {
        var access = Access(new() { [DayOfWeek.Sunday] = [new TimeWindow(Midnight, new(4, 0))] });

        var decision = AccessSchedule.Evaluate(access, Zones.Utc(2026, 3, 29, 0, 30), Zones.Berlin); // 01:30 CET

        Assert.Equal(Zones.Utc(2026, 3, 29, 2), decision.WindowEnd); // 04:00 CEST
    }

    [Fact]
    public void Evaluate_EndSkippedBySpringForward_EndsAtTheChange()
    {
        var access = Access(new() { [DayOfWeek.Sunday] = [new TimeWindow(Midnight, new(2, 30))] });

        var decision = AccessSchedule.Evaluate(access, Zones.Utc(2026, 3, 29, 0, 0), Zones.Berlin); // 01:00 CET; 02:30 never happens

        Assert.Equal(Zones.Utc(2026, 3, 29, 1, 0), decision.WindowEnd); // 03:00 CEST
    }

    [Fact]
    public void Evaluate_BerlinFallBack_TheEndIsTheOccurrenceThatFollowsNow()
    {
        var access = Access(new() { [DayOfWeek.Sunday] = [new TimeWindow(Midnight, new(2, 30))] });

        var firstPass = AccessSchedule.Evaluate(access, Zones.Utc(2026, 10, 25, 0, 10), Zones.Berlin); // 02:10 CEST
        var afterFirstEnd = AccessSchedule.Evaluate(access, Zones.Utc(2026, 10, 25, 0, 45), Zones.Berlin); // 02:45 CEST
        var secondPass = AccessSchedule.Evaluate(access, Zones.Utc(2026, 10, 25, 1, 10), Zones.Berlin); // 02:10 CET

        Assert.Equal(new ScheduleDecision(true, Zones.Utc(2026, 10, 25, 0, 30)), firstPass);
        Assert.False(afterFirstEnd.Allowed);
        Assert.Equal(new ScheduleDecision(true, Zones.Utc(2026, 10, 25, 1, 30)), secondPass);
    }

    [Fact]
    public void Evaluate_NewYorkFallBack_AJoinedWindowOverMidnightIncludesTheExtraHour()
    {
        var access = Access(new()
        {
            [DayOfWeek.Saturday] = [new TimeWindow(new(18, 0), Midnight)],
            [DayOfWeek.Sunday] = [new TimeWindow(Midnight, new(6, 0))],
        });

        var now = Zones.Utc(2026, 11, 1, 3); // Saturday 23:00 EDT
        var decision = AccessSchedule.Evaluate(access, now, Zones.NewYork);

        Assert.Equal(Zones.Utc(2026, 11, 1, 11), decision.WindowEnd); // Sunday 06:00 EST
        Assert.Equal(TimeSpan.FromHours(8), decision.WindowEnd - now);
    }

    [Fact]
    public void Evaluate_AucklandSpringForward_InsideTheWindowAfterTheChange()
    {
        var access = Access(new() { [DayOfWeek.Sunday] = [new TimeWindow(new(1, 0), new(5, 0))] });

        var beforeChange = AccessSchedule.Evaluate(access, Zones.Utc(2026, 9, 26, 13, 30), Zones.Auckland); // 01:30 NZST
        var afterChange = AccessSchedule.Evaluate(access, Zones.Utc(2026, 9, 26, 14, 30), Zones.Auckland); // 03:30 NZDT

        Assert.Equal(Zones.Utc(2026, 9, 26, 16), beforeChange.WindowEnd); // 05:00 NZDT
        Assert.Equal(beforeChange, afterChange);
    }

    [Fact]
    public void Evaluate_TrialCappedFullTime_FollowsTheTrialWindows()
    {
        var access = AccessGroupMerger.Merge([AccessGroupDefaults.FullTime, AccessGroupDefaults.Trial]);

        Assert.False(AccessSchedule.Evaluate(access, Zones.Local(Zones.NewYork, 2026, 6, 10, 20), Zones.NewYork).Allowed);
        Assert.Equal(Zones.Local(Zones.NewYork, 2026, 6, 10, 18), AccessSchedule.Evaluate(access, Zones.Local(Zones.NewYork, 2026, 6, 10, 10), Zones.NewYork).WindowEnd);
    }

    private static EffectiveAccess Access(Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>> windows) =>
        new() { HasAccess = true, GroupIds = ["test"], TimeWindows = windows };
}
