using CoworkSync.Access;
using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class SessionTimeoutTests
{
    private const int Max = 3600;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Unlimited_IsTheDeploymentsMaximum() =>
        Assert.Equal(Max, SessionTimeout.For(Access(), remainingSeconds: null, windowEnd: null, Now, Max));

    [Fact]
    public void AGroupCapBelowTheMaximum_Wins() =>
        Assert.Equal(1200, SessionTimeout.For(Access(cap: 1200), null, null, Now, Max));

    [Fact]
    public void AGroupCapAboveTheMaximum_IsBoundedByIt() =>
        Assert.Equal(Max, SessionTimeout.For(Access(cap: 7200), null, null, Now, Max));

    [Fact]
    public void FewHoursLeft_EndTheSessionWithThem() =>
        Assert.Equal(900, SessionTimeout.For(Access(cap: 1200), remainingSeconds: 900, null, Now, Max));

    [Fact]
    public void AWindowEndingSoon_EndsTheSessionWithIt() =>
        Assert.Equal(600, SessionTimeout.For(Access(), remainingSeconds: 900, Now.AddMinutes(10), Now, Max));

    [Fact]
    public void AWindowEndingWithinTheSecond_StillGivesOneSecond() =>
        Assert.Equal(1, SessionTimeout.For(Access(), null, Now.AddMilliseconds(200), Now, Max));

    [Fact]
    public void APartSecondLeftInTheWindow_IsRoundedDown_SoTheSessionNeverOutlastsTheWindow() =>
        Assert.Equal(60, SessionTimeout.For(Access(), null, Now.AddSeconds(60.9), Now, Max));

    private static EffectiveAccess Access(int? cap = null) => new() { HasAccess = true, SessionTimeoutCapSeconds = cap };
}
