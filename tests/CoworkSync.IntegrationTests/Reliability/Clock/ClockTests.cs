using CoworkSync.IntegrationTests.Support;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Reliability.Clock;

/// <summary>
/// Sessions open while time does odd things: a daylight-saving change, a billing-cycle start that the change moved by
/// an hour, and the app's own clock jumping forward or back, within a cycle and across a cycle start. Usage is charged
/// once (the cycles' parts add up to the access point's session time) and in the right cycle (cycles start at local
/// midnight in Berlin; a session's seconds go to the cycle of the app's clock when reported, never again once charged,
/// and a session never moves back to an earlier cycle). The member's cycle is anchored on the 1st.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ClockTests : IAsyncLifetime
{
    // Berlin leaves summer time on 2026-10-25 at 01:00 UTC (03:00 CEST becomes 02:00 CET).
    private static readonly DateTimeOffset SummerTimeEnds = new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NovemberStarts = new(2026, 10, 31, 23, 0, 0, TimeSpan.Zero); // midnight CET
    private readonly RadiusWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ASessionAcrossTheDaylightSavingChange_IsChargedItsSessionTime_Once()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        _world.Clock.SetNow(SummerTimeEnds.AddMinutes(-90));
        await _world.AccountingAsync("Start", username, "night", 0);
        _world.Clock.SetNow(SummerTimeEnds.AddMinutes(-30));
        await _world.AccountingAsync("Interim-Update", username, "night", 3600);
        _world.Clock.SetNow(SummerTimeEnds.AddMinutes(90));
        await _world.AccountingAsync("Interim-Update", username, "night", 3 * 3600);
        await _world.AccountingAsync("Stop", username, "night", 3 * 3600);
        await _world.AccountingAsync("Stop", username, "night", 3 * 3600);

        var october = await CycleAsync(username, "2026-10-01");
        Assert.Equal(3 * 3600, october.UsedSeconds);
        Assert.Equal(0, (await CycleAsync(username, "2026-11-01")).UsedSeconds);
    }

    [Fact]
    public async Task ASessionAcrossTheFirstCycleStartAfterTheChange_SplitsAtLocalMidnight_NotAtTheSummerOffset()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        _world.Clock.SetNow(NovemberStarts.AddHours(-3));
        await _world.AccountingAsync("Start", username, "evening", 0);
        _world.Clock.SetNow(NovemberStarts.AddMinutes(-30));
        await _world.AccountingAsync("Interim-Update", username, "evening", 9000);
        _world.Clock.SetNow(NovemberStarts.AddMinutes(30));
        await _world.AccountingAsync("Interim-Update", username, "evening", 12600);
        await _world.AccountingAsync("Stop", username, "evening", 12600);

        var october = await CycleAsync(username, "2026-10-01");
        var november = await CycleAsync(username, "2026-11-01");
        Assert.Equal(12600, october.UsedSeconds + november.UsedSeconds);
        // The shifted clock runs on while the test does: the new cycle's part may be up to a minute longer.
        Assert.InRange(november.UsedSeconds, 1800, 1860);
    }

    // Within the cycle (two days on, an hour back) and across a cycle start: fifteen days on into December, forty days
    // back into October. The seconds already charged stay where they were; the session ends in one row, closed.
    [Theory]
    [InlineData(2 * 24)]
    [InlineData(-1)]
    [InlineData(15 * 24)]
    [InlineData(-40 * 24)]
    public async Task TheAppsClockJumpingDuringAnOpenSession_ChargesTheSessionTimeOnce_AndLeavesNoSessionOpen(int jumpHours)
    {
        var (username, _) = await _world.MemberAsync("Dedicated");
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        _world.Clock.SetNow(start);
        await _world.AccountingAsync("Start", username, "jumpy", 0);
        _world.Clock.SetNow(start.AddMinutes(30));
        await _world.AccountingAsync("Interim-Update", username, "jumpy", 1800);

        _world.Clock.SetNow(start.AddMinutes(60).AddHours(jumpHours));
        await _world.AccountingAsync("Interim-Update", username, "jumpy", 3600);
        await _world.AccountingAsync("Interim-Update", username, "jumpy", 3600);
        _world.Clock.SetNow(start.AddMinutes(90).AddHours(jumpHours));
        await _world.AccountingAsync("Stop", username, "jumpy", 5400);

        var cycles = await CyclesAsync(username);
        Assert.Equal(5400, cycles.Values.Sum(c => Charged(c, "jumpy")));
        Assert.DoesNotContain(cycles.Values, c => c.Sessions.TryGetValue("jumpy", out var s) && s.Open);
        // Forward into December: November keeps what it was charged before the jump, December is charged the rest.
        // Back into October: the session goes on in November, the cycle it was charged in; October is charged nothing.
        var expectedNovember = jumpHours == 15 * 24 ? 1800 : 5400;
        Assert.Equal(expectedNovember, Charged(cycles["2026-11-01"], "jumpy"));
        Assert.Equal(5400 - expectedNovember, Charged(cycles["2026-12-01"], "jumpy"));
        await AssertNoOpenSessionIndexedAsync();
    }

    [Fact]
    public async Task TheAppsClockJumpingAcrossACycleStartAndBackAgain_ChargesTheSessionTimeOnce_InTheCycleItMovedOnTo()
    {
        var (username, _) = await _world.MemberAsync("Dedicated");
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        _world.Clock.SetNow(start);
        await _world.AccountingAsync("Start", username, "bouncy", 0);
        _world.Clock.SetNow(start.AddMinutes(30));
        await _world.AccountingAsync("Interim-Update", username, "bouncy", 1800);
        _world.Clock.SetNow(start.AddDays(15));
        await _world.AccountingAsync("Interim-Update", username, "bouncy", 3600);
        _world.Clock.SetNow(start.AddMinutes(90));
        await _world.AccountingAsync("Interim-Update", username, "bouncy", 5400);
        await _world.AccountingAsync("Stop", username, "bouncy", 7200);

        var cycles = await CyclesAsync(username);
        Assert.Equal(1800, Charged(cycles["2026-11-01"], "bouncy"));
        Assert.Equal(5400, Charged(cycles["2026-12-01"], "bouncy"));
        Assert.Equal(7200, cycles.Values.Sum(c => Charged(c, "bouncy")));
        Assert.DoesNotContain(cycles.Values, c => c.Sessions.TryGetValue("bouncy", out var s) && s.Open);
        await AssertNoOpenSessionIndexedAsync();
    }

    private static long Charged(CycleUsage cycle, string sessionId) =>
        cycle.Sessions.TryGetValue(sessionId, out var session) ? session.Seconds : 0;

    /// <summary>Every cycle's row as stored, once the interims written behind are written.</summary>
    private async Task<Dictionary<string, CycleUsage>> CyclesAsync(string username)
    {
        await _world.App.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None);
        var cycles = new Dictionary<string, CycleUsage>();
        foreach (var key in new[] { "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01" })
            cycles[key] = await CycleAsync(username, key);
        return cycles;
    }

    private async Task AssertNoOpenSessionIndexedAsync()
    {
        var open = new List<string>();
        await foreach (var (sessionId, _, _) in _world.App.Services.GetRequiredService<UsageStore>().OpenSessionsOfAsync("mitte-ap-1", CancellationToken.None))
            open.Add(sessionId);
        Assert.Empty(open);
    }

    private Task<CycleUsage> CycleAsync(string username, string cycleKey) =>
        _world.App.Services.GetRequiredService<UsageStore>().GetAsync(username, cycleKey, CancellationToken.None);
}
