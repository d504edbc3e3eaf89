using System.Threading.RateLimiting;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CobotRateLimiter _limiter;

    public CobotRateLimiterTests() => _limiter = Limiter(new CobotClientOptions());

    private CobotRateLimiter Limiter(CobotClientOptions options) => new(_time, Options.Create(options), NullLogger<CobotRateLimiter>.Instance);

    /// <summary>A reservation that must be granted; its wait.</summary>
    private static TimeSpan Reserve(CobotRateLimiter limiter, string token, bool membershipList)
    {
        Assert.True(limiter.TryReserve(token, membershipList, out var wait), $"refused a slot {wait} away");
        return wait;
    }

    private TimeSpan Reserve(string token, bool membershipList) => Reserve(_limiter, token, membershipList);

    [Fact]
    public void SixtyRequests_GoAtOnce_TheSixtyFirstWaitsForTheWindow()
    {
        for (var i = 0; i < 60; i++)
            Assert.Equal(TimeSpan.Zero, Reserve("token-a", membershipList: false));

        Assert.Equal(Window, Reserve("token-a", membershipList: false));
    }

    [Fact]
    public void MembershipLists_SixPerWindow_TheSeventhWaits_OtherRequestsDoNot()
    {
        for (var i = 0; i < 6; i++)
            Assert.Equal(TimeSpan.Zero, Reserve("token-a", membershipList: true));

        Assert.Equal(Window, Reserve("token-a", membershipList: true));
        Assert.Equal(TimeSpan.Zero, Reserve("token-a", membershipList: false));
    }

    [Fact]
    public void Slots_FreeUp_AsTheWindowMoves()
    {
        for (var i = 0; i < 6; i++)
        {
            Reserve("token-a", membershipList: true);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        // The first list went out 60 s ago: its slot frees 1 s from now.
        Assert.Equal(TimeSpan.FromSeconds(1), Reserve("token-a", membershipList: true));
    }

    [Fact]
    public void Queued_Callers_GetSuccessiveSlots_NotTheSameOne()
    {
        var limiter = Limiter(new CobotClientOptions { MaxWait = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 6; i++)
            Reserve(limiter, "token-a", membershipList: true);

        var waits = Enumerable.Range(0, 7).Select(_ => Reserve(limiter, "token-a", membershipList: true)).ToList();

        Assert.Equal(Enumerable.Repeat(Window, 6).Append(Window * 2), waits);
    }

    [Fact]
    public void Tokens_AreLimitedSeparately()
    {
        for (var i = 0; i < 60; i++)
            Reserve("token-a", membershipList: false);

        Assert.Equal(TimeSpan.Zero, Reserve("token-b", membershipList: false));
    }

    [Fact]
    public void Block_HoldsEveryRequestOfTheToken_UntilRetryAfter()
    {
        _limiter.Block("token-a", TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), Reserve("token-a", membershipList: false));
        Assert.Equal(TimeSpan.Zero, Reserve("token-b", membershipList: false));
    }

    [Fact]
    public void ASlotFurtherAwayThanMaxWait_IsRefused_AndNotTaken()
    {
        var limiter = Limiter(new CobotClientOptions { MaxWait = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < 60; i++)
            Reserve(limiter, "token-a", membershipList: false);

        Assert.False(limiter.TryReserve("token-a", membershipList: false, out var wait));
        Assert.Equal(Window, wait);
        // Nothing was taken: when the window has moved on, a full minute's worth goes out at once again.
        _time.Advance(Window);
        for (var i = 0; i < 60; i++)
            Assert.Equal(TimeSpan.Zero, Reserve(limiter, "token-a", membershipList: false));
    }

    [Fact]
    public void ABurstOf200_EveryWindow_StillSends60PerWindow()
    {
        // 200 callers arrive at the start of every window; the refused ones (their slot is beyond MaxWait) retry later.
        const int windows = 5;
        var sends = new List<TimeSpan>();
        var start = _time.GetUtcNow();
        for (var w = 0; w < windows; w++)
        {
            for (var i = 0; i < 200; i++)
            {
                if (_limiter.TryReserve("token-a", membershipList: false, out var wait))
                    sends.Add(_time.GetUtcNow() - start + wait);
            }
            _time.Advance(Window);
        }

        for (var w = 0; w < windows; w++)
            Assert.Equal(60, sends.Count(s => s >= Window * w && s < Window * (w + 1)));
    }

    private static HttpRequestMessage Request(string path, string token = "token-a") =>
        new(HttpMethod.Get, "https://co-up.cobot.me" + path) { Headers = { Authorization = new("Bearer", token) } };

    [Fact]
    public async Task AcquireAsync_ASlotLater_IsWaitedForOnTheClock()
    {
        for (var i = 0; i < 6; i++)
            Assert.True((await _limiter.AcquireAsync(Request("/api/memberships"))).IsAcquired);

        var seventh = _limiter.AcquireAsync(Request("/api/memberships")).AsTask();
        Assert.False(seventh.IsCompleted);
        _time.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.False(seventh.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await seventh.WaitAsync(TimeSpan.FromSeconds(30))).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_OneMembership_IsNotAMembershipList()
    {
        for (var i = 0; i < 6; i++)
            await _limiter.AcquireAsync(Request("/api/memberships"));

        var one = _limiter.AcquireAsync(Request("/api/memberships/m1"));

        Assert.True(one.IsCompleted);
        Assert.True((await one).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_ASlotBeyondMaxWait_IsRefusedAtOnce_WithTheWaitAsRetryAfter()
    {
        var limiter = Limiter(new CobotClientOptions { MaxWait = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < 60; i++)
            await limiter.AcquireAsync(Request("/api/plans"));

        var lease = limiter.AcquireAsync(Request("/api/plans"));

        Assert.True(lease.IsCompleted);
        Assert.False((await lease).IsAcquired);
        Assert.True((await lease).TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(Window, retryAfter);
        Assert.True((await limiter.AcquireAsync(Request("/api/plans", token: "token-b"))).IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_TakesOnlyASlotThatIsFreeNow()
    {
        _limiter.Block(Request("/api/plans"), TimeSpan.FromSeconds(5));
        var refused = _limiter.AttemptAcquire(Request("/api/plans"));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(_limiter.AttemptAcquire(Request("/api/plans")).IsAcquired);
        Assert.Equal(59, _limiter.GetStatistics(Request("/api/plans"))!.CurrentAvailablePermits);
    }
}
