using System.Net;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// Interims are written behind, coalesced per usage row; Start, Stop and a cycle's first report write through. Two
/// instances on one storage, neither writing its interims during the test (the flush interval is five minutes) unless
/// the test says so: whatever an instance kept in memory and lost (a crash), the seconds stored end exact, because each
/// report carries the session's cumulative time.
/// </summary>
public sealed class CoalescedAccountingTests : IAsyncLifetime
{
    private readonly RadiusWorld _world = new(settings: new Dictionary<string, string?> { ["Radius:AccountingFlushSeconds"] = "300" });
    private LocalFunctionApp _other = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _other = _world.StartAnotherInstance();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    private UsageStore Storage => _world.App.Services.GetRequiredService<UsageStore>();

    [Fact]
    public async Task Interims_AreKeptInMemory_AndWrittenOncePerRowAtTheFlush()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await ReportAsync(_world.App, "Start", username, "laptop", 0);
        for (var seconds = 300; seconds <= 1500; seconds += 300)
            await ReportAsync(_world.App, "Interim-Update", username, "laptop", seconds);

        Assert.Equal(0, await StoredSecondsAsync(username, "laptop"));
        Assert.Equal(1500, (await _world.App.Services.GetRequiredService<UsageLedger>().GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"].Seconds);

        Assert.Equal(1, await FlushAsync(_world.App));
        Assert.Equal(1500, await StoredSecondsAsync(username, "laptop"));
    }

    [Fact]
    public async Task AnInstanceThatCrashesWithInterimsUnwritten_LosesNothing_WhenTheStopReachesAnother()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await ReportAsync(_world.App, "Start", username, "laptop", 0);
        await ReportAsync(_world.App, "Interim-Update", username, "laptop", 600);
        await ReportAsync(_world.App, "Interim-Update", username, "laptop", 1200);

        // The first instance never writes its interims (it crashed); the access point's Stop goes to the other.
        await ReportAsync(_other, "Stop", username, "laptop", 1800);

        var stored = (await Storage.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"];
        Assert.Equal(1800, stored.Seconds);
        Assert.False(stored.Open);

        // Had it survived after all, its late flush neither lowers the seconds nor reopens the session.
        await FlushAsync(_world.App);
        stored = (await Storage.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"];
        Assert.Equal((1800, false), (stored.Seconds, stored.Open));
    }

    [Fact]
    public async Task AnInstanceThatCrashesWithInterimsUnwritten_LosesNothing_WhenTheNextInterimReachesAnother()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await ReportAsync(_world.App, "Start", username, "phone", 0);
        await ReportAsync(_world.App, "Interim-Update", username, "phone", 900);

        await ReportAsync(_other, "Interim-Update", username, "phone", 1200);
        await FlushAsync(_other);

        Assert.Equal(1200, await StoredSecondsAsync(username, "phone"));
    }

    [Fact]
    public async Task TwoInstancesReportingOneSession_EndWithItsHighestSeconds_HoweverTheirFlushesInterleave()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        await ReportAsync(_world.App, "Start", username, "laptop", 0);
        await ReportAsync(_world.App, "Interim-Update", username, "laptop", 300);
        await ReportAsync(_other, "Interim-Update", username, "laptop", 600);
        await ReportAsync(_world.App, "Interim-Update", username, "laptop", 900);
        await ReportAsync(_other, "Interim-Update", username, "laptop", 800);
        await ReportAsync(_other, "Start", username, "phone", 0);
        await ReportAsync(_other, "Interim-Update", username, "phone", 120);

        await FlushAsync(_other);
        await FlushAsync(_world.App);
        await FlushAsync(_other);

        Assert.Equal(900, await StoredSecondsAsync(username, "laptop"));
        Assert.Equal(120, await StoredSecondsAsync(username, "phone"));
    }

    [Fact]
    public async Task ACycleStart_ChargesEachCycleItsPart_EvenWhenTheInstanceHoldingTheOldCyclesInterimsCrashed()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        var decemberStart = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero); // midnight in Berlin
        _world.Clock.SetNow(decemberStart.AddHours(-2));
        await ReportAsync(_world.App, "Start", username, "laptop", 0);
        _world.Clock.SetNow(decemberStart.AddMinutes(-30));
        await ReportAsync(_world.App, "Interim-Update", username, "laptop", 5400);

        _world.Clock.SetNow(decemberStart.AddMinutes(30));
        await ReportAsync(_other, "Interim-Update", username, "laptop", 9000);

        var november = (await Storage.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"];
        var december = (await Storage.GetAsync(username, "2026-12-01", CancellationToken.None)).Sessions["laptop"];
        Assert.Equal(9000, november.Seconds + december.Seconds);
        Assert.InRange(december.Seconds, 1800, 1860); // the shifted clock runs on while the test does
        Assert.False(november.Open);
        Assert.True(december.Open);

        await FlushAsync(_world.App);
        var novemberAfter = (await Storage.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions["laptop"];
        Assert.Equal((november.Seconds, false), (novemberAfter.Seconds, novemberAfter.Open));
    }

    private async Task ReportAsync(LocalFunctionApp on, string status, string username, string sessionId, long seconds) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync(status, username, sessionId, seconds, on: on)).StatusCode);

    private static Task<int> FlushAsync(LocalFunctionApp app) =>
        app.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None);

    private async Task<long> StoredSecondsAsync(string username, string sessionId) =>
        (await Storage.GetAsync(username, "2026-11-01", CancellationToken.None)).Sessions.GetValueOrDefault(sessionId)?.Seconds ?? 0;
}
