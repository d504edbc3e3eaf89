using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class UsageDetailsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PastSessions_StartWhenTheirLastReportCameMinusItsSeconds_NewestFirst_OnlineWhileOpenAndFresh()
    {
        var used = new CycleUsage("2026-12-01", new Dictionary<string, SessionUsage>
        {
            ["old"] = new(7200, Open: false, "ap-1", Now.AddDays(-2)),
            ["live"] = new(1800, Open: true, "ap-2", Now.AddMinutes(-4)),
            ["lost"] = new(600, Open: true, null, Now.AddHours(-3)),
        }, default);

        var sessions = UsageDetails.PastSessions(used, Now, acctInterimIntervalSeconds: 300);

        Assert.Equal(
            [
                new PastSession(Now.AddMinutes(-4).AddSeconds(-1800), TimeSpan.FromSeconds(1800), "ap-2", Online: true),
                new PastSession(Now.AddHours(-3).AddSeconds(-600), TimeSpan.FromSeconds(600), null, Online: false),
                new PastSession(Now.AddDays(-2).AddSeconds(-7200), TimeSpan.FromSeconds(7200), "ap-1", Online: false),
            ],
            sessions);
    }

    [Fact]
    public void PastSessions_OfAnEmptyCycle_AreNone() =>
        Assert.Empty(UsageDetails.PastSessions(CycleUsage.Empty("2026-12-01"), Now, 300));
}
