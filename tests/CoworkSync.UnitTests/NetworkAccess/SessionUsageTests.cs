using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class SessionUsageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void After_AFirstReport_OpensTheSessionWithItsSecondsNasAndDevice()
    {
        var session = SessionUsage.After(null, Report(120));

        Assert.Equal(new SessionUsage(120, true, "mitte-ap-1", Now, "0200000000A1", Before: 0), session);
    }

    [Fact]
    public void After_ASessionNewToTheRow_IsChargedItsSecondsLessWhatEarlierRowsWereCharged_AndKeepsThatAfterwards()
    {
        var moved = SessionUsage.After(null, Report(9000) with { ChargedBefore = 7200 });
        var later = SessionUsage.After(moved, Report(10800, at: Now.AddMinutes(30)) with { ChargedBefore = 0 });

        Assert.Equal(1800, moved!.Seconds);
        Assert.Equal(7200, moved.Before);
        Assert.Equal(3600, later!.Seconds);
    }

    [Fact]
    public void After_ASessionOfARowWrittenBeforeRowsKeptWhatWasChargedBefore_IsChargedAsThen()
    {
        var legacy = new SessionUsage(1800, true, "mitte-ap-1", Now, "0200000000A1");

        var later = SessionUsage.After(legacy, Report(10800, at: Now.AddMinutes(30)) with { ChargedBefore = 7200 });

        Assert.Equal(3600, later!.Seconds);
        Assert.Null(later.Before);
    }

    [Fact]
    public void After_AMove_ClosesTheSessionWithTheCycleItWentOnIn_AndALaterReportKeepsIt()
    {
        var open = SessionUsage.After(null, Report(1800));
        var moved = SessionUsage.After(open, Report(1800, closes: true) with { MovedTo = "2026-12-01" });
        var late = SessionUsage.After(moved, Report(1800, closes: true) with { MovedTo = "2027-01-01" });

        Assert.False(moved!.Open);
        Assert.Equal("2026-12-01", moved.MovedTo);
        Assert.Equal(1800, moved.Seconds);
        Assert.Null(late);
    }

    [Fact]
    public void After_AStop_IsNotAMove()
    {
        var stopped = SessionUsage.After(SessionUsage.After(null, Report(600)), Report(900, closes: true));

        Assert.Null(stopped!.MovedTo);
    }

    [Fact]
    public void After_ALowerInterimAfterAHigherOne_KeepsTheHigherSeconds()
    {
        var higher = SessionUsage.After(null, Report(7200));

        var afterLower = SessionUsage.After(higher, Report(3600, at: Now.AddMinutes(1)) with { CallingStationId = "0200000000B2" });

        Assert.Equal(7200, afterLower!.Seconds);
        Assert.Equal("0200000000B2", afterLower.CallingStationId);
    }

    [Fact]
    public void After_ALateInterimAfterStop_DoesNotReopenTheSession()
    {
        var stopped = SessionUsage.After(SessionUsage.After(null, Report(600)), Report(9000, closes: true));

        var afterLateInterim = SessionUsage.After(stopped, Report(9500, at: Now.AddMinutes(1)));

        Assert.False(stopped!.Open);
        Assert.False(afterLateInterim!.Open);
        Assert.Equal(9500, afterLateInterim.Seconds);
    }

    [Fact]
    public void After_ARepeatedReport_ChangesNothing()
    {
        var session = SessionUsage.After(null, Report(600));

        Assert.Null(SessionUsage.After(session, Report(600, at: Now.AddMinutes(5))));
        Assert.Null(SessionUsage.After(session, Report(300, at: Now.AddMinutes(5)) with { Nas = null, CallingStationId = null }));
    }

    private static SessionReport Report(long seconds, bool closes = false, DateTimeOffset? at = null) =>
        new("s1", seconds, closes, "mitte-ap-1", "0200000000A1", at ?? Now);
}
