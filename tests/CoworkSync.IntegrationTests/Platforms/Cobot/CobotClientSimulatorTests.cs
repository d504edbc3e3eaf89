using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// The Cobot client against the simulator sharing one fake clock: the rate limiter's waits move the clock instead of
/// sleeping, so a minute of rate limiting takes no time, and every wait it does is recorded.
/// </summary>
public sealed class CobotClientSimulatorTests : IAsyncLifetime
{
    private const string Token = "client-test-token";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _waits = [];
    private CobotSimulator _cobot = null!;
    private ServiceProvider _services = null!;

    private CobotConnection Connection => new(_cobot.BaseUrl, Token);

    public async Task InitializeAsync()
    {
        _cobot = await CobotSimulator.StartAsync(_time);
        _cobot.AddToken(Token).AddPlan("pln_flex", "Flex").AddPlan("pln_secret", "Staff", hidden: true);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(provider => new CobotRateLimiter(new WaitSkippingClock(_time, _waits),
            provider.GetRequiredService<IOptions<CobotClientOptions>>(), provider.GetRequiredService<ILogger<CobotRateLimiter>>()));
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddCobotClient();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cobot.DisposeAsync();
    }

    private CobotClient Client => _services.GetRequiredService<CobotClient>();

    [Fact]
    public async Task SevenMembershipListsInAMinute_TheClientWaits_CobotNeverThrottles()
    {
        for (var i = 0; i < 7; i++)
            await Client.ListMembershipsAsync(Connection, CancellationToken.None);

        Assert.DoesNotContain(_cobot.Requests, r => r.Status == 429);
        Assert.Equal(7, _cobot.CountRequests(r => r.PathAndQuery == "/api/memberships"));
        Assert.Contains(_waits, w => w >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ASimulatorAlreadyAtItsLimit_Answers429_AndTheClientWaitsForRetryAfter()
    {
        // Someone else used the token's minute (a raw client, no limiter).
        using var raw = new HttpClient { BaseAddress = _cobot.BaseUrl };
        raw.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        for (var i = 0; i < CobotSimulator.RequestsPerMinute; i++)
            (await raw.GetAsync("api/plans")).EnsureSuccessStatusCode();
        var throttled = await raw.GetAsync("api/plans");
        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);

        var plans = await Client.ListPlansAsync(Connection, CancellationToken.None);

        Assert.Equal(2, plans.Count);
        Assert.Contains(plans, p => p.Hidden == true);
        Assert.Contains(_waits, w => w >= TimeSpan.FromSeconds(59));
    }

    [Fact]
    public async Task Api1Dates_AndParentPlan_FromTheSimulator_MapToAPlatformMember()
    {
        _cobot.Put(CobotWorld.Member("m-1", "pln_flex"));

        var membership = await Client.GetMembershipAsync(Connection, "m-1", CancellationToken.None);
        var member = CobotMapper.ToPlatformMember(membership!, new CoworkSync.Connectors.ConnectorLocation("loc_1", "Berlin", "Europe/Berlin"), _time.GetUtcNow());

        Assert.Equal("pln_flex", member.PlanId);
        Assert.Equal(CoworkSync.Connectors.Seam.MembershipStatus.Active, member.MembershipStatus);
        Assert.Null(await Client.GetMembershipAsync(Connection, "nobody", CancellationToken.None));
    }

    [Fact]
    public async Task AWrongToken_Is401_NotTransient()
    {
        var ex = await Assert.ThrowsAsync<CobotApiException>(() => Client.ListPlansAsync(new CobotConnection(_cobot.BaseUrl, "tok-never-issued-0042"), CancellationToken.None));

        Assert.True(ex.TokenRejected);
        Assert.False(ex.IsTransient);
        Assert.DoesNotContain("tok-never-issued-0042", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The fake clock, on which a one-shot timer (a wait) records its due time, moves the clock on by it and fires.</summary>
    private sealed class WaitSkippingClock(FakeTimeProvider time, List<TimeSpan> waits) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan || dueTime == Timeout.InfiniteTimeSpan)
                throw new NotSupportedException("Only one-shot waits can be skipped.");
            lock (waits)
                waits.Add(dueTime);
            time.Advance(dueTime);
            callback(state);
            return time.CreateTimer(static _ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
