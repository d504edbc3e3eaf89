using CoworkSync.Members.Accounts;
using CoworkSync.NetworkAccess;
using CoworkSync.UnitTests.Access;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class SessionSplitTests
{
    private static readonly WifiAccount Account = new()
    {
        Username = "ada@example.com",
        ConnectorId = "space",
        MemberId = "mem_1",
        ProtectedPassword = "protected",
        BillingCycleAnchor = new DateOnly(2026, 11, 1),
    };

    /// <summary>December's cycle starts at midnight in Berlin: 2026-11-30 23:00 UTC.</summary>
    private static readonly DateTimeOffset DecemberStart = Zones.Utc(2026, 11, 30, 23);

    [Fact]
    public void ASessionThatStartedInTheCurrentCycle_IsChargedToItWhole()
    {
        var split = SessionSplit.Of(Account, 1800, DecemberStart.AddHours(1), Zones.Berlin);

        Assert.Equal("2026-12-01", split.CycleKey);
        Assert.Equal(1800, split.CurrentSeconds);
        Assert.Null(split.LeftCycleKey);
    }

    [Fact]
    public void ASessionStartingExactlyAtTheCycleStart_IsChargedToTheNewCycleWhole()
    {
        var split = SessionSplit.Of(Account, 3600, DecemberStart.AddHours(1), Zones.Berlin);

        Assert.Equal(3600, split.CurrentSeconds);
        Assert.Null(split.LeftCycleKey);
    }

    [Fact]
    public void ASessionAcrossTheCycleStart_ChargesEachCycleItsOwnPart()
    {
        // Connected at 22:00 in Berlin on November 30th, reported at 00:30 on December 1st.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddMinutes(30), Zones.Berlin);

        Assert.Equal("2026-12-01", split.CycleKey);
        Assert.Equal(1800, split.CurrentSeconds);
        Assert.Equal("2026-11-01", split.LeftCycleKey);
        Assert.Equal(7200, split.ChargedBefore);
    }

    [Fact]
    public void TheCycleStartFollowsTheZone()
    {
        // The same instant is still November 30th in New York: the whole session is November's.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddMinutes(30), Zones.NewYork);

        Assert.Equal("2026-11-01", split.CycleKey);
        Assert.Equal(9000, split.CurrentSeconds);
        Assert.Null(split.LeftCycleKey);
    }

    [Fact]
    public void ASessionOpenInTheCycleItWasLastChargedIn_LeavesNothing()
    {
        // The session's last row is November's; the clock is in November: nothing moves, the row keeps its own count.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddHours(-1), Zones.Berlin, new SessionCharge("2026-11-01", 0, 5400));

        Assert.Equal("2026-11-01", split.CycleKey);
        Assert.Null(split.LeftCycleKey);
    }

    [Fact]
    public void ASessionReachingTheNextCycle_LeavesItsRowWithTheSecondsBeforeTheCycleStart()
    {
        // Charged 5,400 s in November, reported at 00:30 on December 1st with 9,000 s: it connected at 22:00.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddMinutes(30), Zones.Berlin, new SessionCharge("2026-11-01", 0, 5400));

        Assert.Equal("2026-12-01", split.CycleKey);
        Assert.Equal("2026-11-01", split.LeftCycleKey);
        Assert.Equal(7200, split.ChargedBefore);
        Assert.Equal(1800, split.CurrentSeconds);
    }

    [Fact]
    public void TheAppsClockJumpingForwardAcrossACycleStart_ChargesTheNewCycleOnlyWhatWasNotChargedYet()
    {
        // November's row holds 1,800 s; the clock jumps two weeks into December; the session reports 3,600 s. By the
        // clock the whole session is December's, but November's 1,800 s stay charged there and are not charged again.
        var split = SessionSplit.Of(Account, 3600, DecemberStart.AddDays(14), Zones.Berlin, new SessionCharge("2026-11-01", 0, 1800));

        Assert.Equal("2026-12-01", split.CycleKey);
        Assert.Equal("2026-11-01", split.LeftCycleKey);
        Assert.Equal(1800, split.ChargedBefore);
        Assert.Equal(1800, split.CurrentSeconds);
    }

    [Fact]
    public void TheAppsClockJumpingBackAcrossACycleStart_KeepsChargingTheCycleTheSessionIsIn()
    {
        // December's row holds the session (600 s of it charged to November before); the clock goes back 40 days.
        var split = SessionSplit.Of(Account, 3600, DecemberStart.AddDays(-40), Zones.Berlin, new SessionCharge("2026-12-01", 600, 1800));

        Assert.Equal("2026-12-01", split.CycleKey);
        Assert.Null(split.LeftCycleKey);
        Assert.Equal(600, split.ChargedBefore);
        Assert.Equal(3000, split.CurrentSeconds);
    }

    [Fact]
    public void AReportLowerThanWhatWasCharged_ChargesTheNewCycleNothing()
    {
        // A reordered interim: 1,000 s after November was charged 1,800 s.
        var split = SessionSplit.Of(Account, 1000, DecemberStart.AddDays(14), Zones.Berlin, new SessionCharge("2026-11-01", 0, 1800));

        Assert.Equal(1800, split.ChargedBefore);
        Assert.Equal(0, split.CurrentSeconds);
    }
}
