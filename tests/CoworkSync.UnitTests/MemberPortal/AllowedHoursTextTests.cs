using CoworkSync.Access;
using CoworkSync.MemberPortal.Accounts;

namespace CoworkSync.UnitTests.MemberPortal;

public sealed class AllowedHoursTextTests
{
    private static readonly TimeWindow Office = new(new TimeOnly(8, 0), new TimeOnly(20, 0));

    [Fact]
    public void NoWindows_OrTheWholeWeek_IsAnyTime()
    {
        Assert.Null(AllowedHoursText.For(null));
        Assert.Null(AllowedHoursText.For(Week(_ => [TimeWindow.WholeDay])));
    }

    [Fact]
    public void WeekdaysWithTheSameWindow_AreJoined() =>
        Assert.Equal("Monday to Friday 08:00–20:00", AllowedHoursText.For(Week(day => day is DayOfWeek.Saturday or DayOfWeek.Sunday ? [] : [Office])));

    [Fact]
    public void DifferentDays_AreListedInWeekOrder_TwoDaysWithAnd_AndMidnightAs2400()
    {
        var evening = new TimeWindow(new TimeOnly(18, 0), TimeOnly.MinValue);
        var text = AllowedHoursText.For(Week(day => day switch
        {
            DayOfWeek.Saturday or DayOfWeek.Sunday => [evening],
            DayOfWeek.Wednesday => [],
            _ => [Office],
        }));

        Assert.Equal("Monday and Tuesday 08:00–20:00; Thursday and Friday 08:00–20:00; Saturday and Sunday 18:00–24:00", text);
    }

    [Fact]
    public void NoDayAtAll_IsNever() => Assert.Equal("never", AllowedHoursText.For(Week(_ => [])));

    private static Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>> Week(Func<DayOfWeek, IReadOnlyList<TimeWindow>> windows) =>
        Enum.GetValues<DayOfWeek>().ToDictionary(day => day, windows);
}
