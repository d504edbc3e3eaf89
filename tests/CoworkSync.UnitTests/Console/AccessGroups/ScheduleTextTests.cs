using CoworkSync.Access;
using CoworkSync.Functions.Console.AccessGroups;
using CoworkSync.Outcomes;

namespace CoworkSync.UnitTests.Console.AccessGroups;

public sealed class ScheduleTextTests
{
    [Fact]
    public void Parse_WindowsSeparatedByCommas_WithADashOrAnEnDash()
    {
        var (windows, errors) = ScheduleText.Parse(" 09:00-18:00,19:00 – 21:00 ", "timeWindows.monday");

        Assert.Empty(errors);
        Assert.Equal([new TimeWindowJson("09:00", "18:00"), new TimeWindowJson("19:00", "21:00")], windows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ")]
    public void Parse_NothingWritten_IsNoWindow_NoAccessThatDay(string text)
    {
        var (windows, errors) = ScheduleText.Parse(text, "timeWindows.sunday");

        Assert.Empty(errors);
        Assert.Empty(windows);
    }

    [Theory]
    [InlineData("0900")]
    [InlineData("09:00-")]
    [InlineData("-18:00")]
    [InlineData("09:00-12:00-18:00")]
    public void Parse_APieceThatIsNotStartDashEnd_IsAnErrorOfTheDayNamingIt(string piece)
    {
        var (_, errors) = ScheduleText.Parse($"07:00-08:00, {piece}", "timeWindows.tuesday");

        var error = Assert.Single(errors);
        Assert.Equal("timeWindows.tuesday", error.Field);
        Assert.Contains($"'{piece}'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("09:00-18:00", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeavesTheTimesToTheServicesRules_WhichRefuseThemByWindow()
    {
        var (windows, errors) = ScheduleText.Parse("9am-18:00, 20:00-19:00", "timeWindows.monday");
        Assert.Empty(errors);

        var refused = new AccessGroupInput { DisplayName = "Flex", TimeWindows = new() { ["monday"] = windows } }.Validate();

        Assert.Equal(["timeWindows.monday[0].start", "timeWindows.monday[1].end"], refused.Select(e => e.Field));
    }

    [Fact]
    public void Format_IsReadBackByParse()
    {
        List<TimeWindowJson?> windows = [new("08:00", "12:00"), new("13:00", "24:00")];

        var text = ScheduleText.Format(windows.OfType<TimeWindowJson>());

        Assert.Equal("08:00-12:00, 13:00-24:00", text);
        Assert.Equal(windows, ScheduleText.Parse(text, "timeWindows.monday").Windows);
    }
}
