using CoworkSync.Access;

namespace CoworkSync.UnitTests.Access;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData(20, 8)]
    [InlineData(8, 8)]
    public void Ctor_StartNotBeforeEnd_Throws(int startHour, int endHour) =>
        Assert.Throws<ArgumentException>(() => new TimeWindow(new(startHour, 0), new(endHour, 0)));

    [Fact]
    public void Ctor_EndAtMidnight_IsTheEndOfTheDay()
    {
        var evening = new TimeWindow(new(18, 0), TimeOnly.MinValue);

        Assert.True(evening.EndsAtMidnight);
        Assert.Equal(TimeSpan.FromHours(6), evening.Duration);
        Assert.True(evening.Contains(new(23, 59, 59)));
        Assert.False(evening.Contains(TimeOnly.MinValue));
        Assert.Equal("18:00–24:00", evening.ToString());
    }

    [Fact]
    public void WholeDay_IsMidnightToMidnight_AndContainsEveryTime()
    {
        Assert.Equal(TimeSpan.FromDays(1), TimeWindow.WholeDay.Duration);
        Assert.True(TimeWindow.WholeDay.Contains(TimeOnly.MinValue));
        Assert.True(TimeWindow.WholeDay.Contains(TimeOnly.MaxValue));
    }

    [Fact]
    public void Contains_EndIsExclusive_StartInclusive()
    {
        var window = new TimeWindow(new(8, 0), new(20, 0));

        Assert.True(window.Contains(new(8, 0)));
        Assert.True(window.Contains(new(19, 59, 59)));
        Assert.False(window.Contains(new(20, 0)));
        Assert.False(window.Contains(new(7, 59)));
    }

    [Theory]
    [InlineData("24:00", true, 0, 0)]
    [InlineData("00:00", true, 0, 0)]
    [InlineData("20:30", true, 20, 30)]
    [InlineData("8:00", false, 0, 0)]
    [InlineData("25:00", false, 0, 0)]
    [InlineData("20:00:00", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void TryParseEnd_ReadsHHmm_And24AsMidnight(string text, bool ok, int hour, int minute)
    {
        Assert.Equal(ok, TimeWindowText.TryParseEnd(text, out var end));
        if (ok)
            Assert.Equal(new TimeOnly(hour, minute), end);
    }

    [Fact]
    public void TryParseStart_Rejects24()
    {
        Assert.False(TimeWindowText.TryParseStart("24:00", out _));
        Assert.True(TimeWindowText.TryParseStart("00:00", out var start));
        Assert.Equal(TimeOnly.MinValue, start);
    }

    [Fact]
    public void Normalize_JoinsOverlappingAndTouchingWindows_AndSorts()
    {
        var normalized = WeeklyWindows.Normalize(
        [
            new TimeWindow(new(14, 0), new(18, 0)),
            new TimeWindow(new(8, 0), new(12, 0)),
            new TimeWindow(new(11, 0), new(14, 0)),
            new TimeWindow(new(20, 0), TimeOnly.MinValue),
        ]);

        Assert.Equal(["08:00–18:00", "20:00–24:00"], normalized.Select(w => w.ToString()));
    }

    [Fact]
    public void Intersect_KeepsOnlyTheCommonTimes()
    {
        var common = WeeklyWindows.Intersect(
            [new TimeWindow(new(8, 0), new(12, 0)), new TimeWindow(new(13, 0), TimeOnly.MinValue)],
            [new TimeWindow(new(10, 0), new(14, 0)), new TimeWindow(new(22, 0), TimeOnly.MinValue)]);

        Assert.Equal(["10:00–12:00", "13:00–14:00", "22:00–24:00"], common.Select(w => w.ToString()));
    }
}
