using CoworkSync.Connectors.Cobot;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Connectors.Cobot;

public sealed class CobotRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CobotRateLimiter _limiter;

    public CobotRateLimiterTests() => _limiter = new CobotRateLimiter(_time, Options.Create(new CobotClientOptions()));

    [Fact]
    public void SixtyRequests_GoAtOnce_TheSixtyFirstWaitsForTheWindow()
    {
        for (var i = 0; i < 60; i++)
            Assert.Equal(TimeSpan.Zero, _limiter.Reserve("token-a", membershipList: false));

        Assert.Equal(Window, _limiter.Reserve("token-a", membershipList: false));
    }

    [Fact]
    public void MembershipLists_SixPerWindow_TheSeventhWaits_OtherRequestsDoNot()
    {
        for (var i = 0; i < 6; i++)
            Assert.Equal(TimeSpan.Zero, _limiter.Reserve("token-a", membershipList: true));

        Assert.Equal(Window, _limiter.Reserve("token-a", membershipList: true));
        Assert.Equal(TimeSpan.Zero, _limiter.Reserve("token-a", membershipList: false));
    }

    [Fact]
    public void Slots_FreeUp_AsTheWindowMoves()
    {
        for (var i = 0; i < 6; i++)
        {
            _limiter.Reserve("token-a", membershipList: true);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        // The first list went out 60 s ago: its slot frees 1 s from now.
        Assert.Equal(TimeSpan.FromSeconds(1), _limiter.Reserve("token-a", membershipList: true));
    }

    [Fact]
    public void Queued_Callers_GetSuccessiveSlots_NotTheSameOne()
    {
        for (var i = 0; i < 6; i++)
            _limiter.Reserve("token-a", membershipList: true);

        var waits = Enumerable.Range(0, 7).Select(_ => _limiter.Reserve("token-a", membershipList: true)).ToList();

        Assert.Equal(Enumerable.Repeat(Window, 6).Append(Window * 2), waits);
    }

    [Fact]
    public void Tokens_AreLimitedSeparately()
    {
        for (var i = 0; i < 60; i++)
            _limiter.Reserve("token-a", membershipList: false);

        Assert.Equal(TimeSpan.Zero, _limiter.Reserve("token-b", membershipList: false));
    }

    [Fact]
    public void Block_HoldsEveryRequestOfTheToken_UntilRetryAfter()
    {
        _limiter.Block("token-a", TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), _limiter.Reserve("token-a", membershipList: false));
        Assert.Equal(TimeSpan.Zero, _limiter.Reserve("token-b", membershipList: false));
    }
}
