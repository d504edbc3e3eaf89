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

        Assert.Equal("2026-12-01", split.Current.Key);
        Assert.Equal(1800, split.CurrentSeconds);
        Assert.Null(split.Earlier);
    }

    [Fact]
    public void ASessionStartingExactlyAtTheCycleStart_IsChargedToTheNewCycleWhole()
    {
        var split = SessionSplit.Of(Account, 3600, DecemberStart.AddHours(1), Zones.Berlin);

        Assert.Equal(3600, split.CurrentSeconds);
        Assert.Null(split.Earlier);
    }

    [Fact]
    public void ASessionAcrossTheCycleStart_ChargesEachCycleItsOwnPart()
    {
        // Connected at 22:00 in Berlin on November 30th, reported at 00:30 on December 1st.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddMinutes(30), Zones.Berlin);

        Assert.Equal("2026-12-01", split.Current.Key);
        Assert.Equal(1800, split.CurrentSeconds);
        Assert.Equal("2026-11-01", split.Earlier?.Key);
        Assert.Equal(7200, split.EarlierSeconds);
    }

    [Fact]
    public void TheCycleStartFollowsTheZone()
    {
        // The same instant is still November 30th in New York: the whole session is November's.
        var split = SessionSplit.Of(Account, 9000, DecemberStart.AddMinutes(30), Zones.NewYork);

        Assert.Equal("2026-11-01", split.Current.Key);
        Assert.Equal(9000, split.CurrentSeconds);
        Assert.Null(split.Earlier);
    }
}
