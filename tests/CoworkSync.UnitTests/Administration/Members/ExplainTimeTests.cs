using CoworkSync.Administration.Members;

namespace CoworkSync.UnitTests.Administration.Members;

public sealed class ExplainTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_IsNow(string? text)
    {
        Assert.True(ExplainTime.TryResolve(text, Berlin, Now, out var at));
        Assert.Equal(Now, at);
    }

    [Fact]
    public void ALocalTime_IsReadInTheZone()
    {
        Assert.True(ExplainTime.TryResolve("2026-12-07T10:00", Berlin, Now, out var at));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("2026-12-07T10:00:00Z", 10)]
    [InlineData("2026-12-07T10:00+02:00", 8)]
    public void AnInstantWithItsOffset_IsTakenAsWritten(string text, int utcHour)
    {
        Assert.True(ExplainTime.TryResolve(text, Berlin, Now, out var at));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, utcHour, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("2026-12-07T10:00/../x")]
    [InlineData("2026-12-07\u0000T10:00")]
    public void AnythingElse_IsRefused(string text) => Assert.False(ExplainTime.TryResolve(text, Berlin, Now, out _));

    [Fact]
    public void AVeryLongText_IsRefused() => Assert.False(ExplainTime.TryResolve(new string('1', 5000), Berlin, Now, out _));
}
