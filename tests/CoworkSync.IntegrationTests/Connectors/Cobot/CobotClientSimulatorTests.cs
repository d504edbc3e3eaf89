using System.Net.Http.Json;
using CoworkSync.Connectors.Cobot;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.Connectors.Cobot;

/// <summary>
/// The Cobot client against the simulator sharing one fake clock: waiting moves the clock instead of sleeping, so
/// a minute of rate limiting takes no time, and every wait the client does is recorded.
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
        services.AddSingleton<ICobotDelay>(new AdvancingDelay(_time, _waits));
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
        Assert.Equal(CoworkSync.Provisioning.MembershipStatus.Active, member.MembershipStatus);
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

    private sealed class AdvancingDelay(FakeTimeProvider time, List<TimeSpan> waits) : ICobotDelay
    {
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            lock (waits)
                waits.Add(delay);
            if (delay > TimeSpan.Zero)
                time.Advance(delay);
            return Task.CompletedTask;
        }
    }
}
