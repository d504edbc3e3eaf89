using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class CycleUsageTests
{
    private const int Interim = 300;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OpenSessions_CountsOpenSessionsHeardFromRecently()
    {
        var usage = Usage(
            ("laptop", Session(open: true, device: "0200000000A1")),
            ("phone", Session(open: true, device: null)),
            ("closed", Session(open: false, device: "0200000000A2")),
            ("lost-its-stop", Session(open: true, device: "0200000000A3", heardAt: Now.AddSeconds(-((2 * Interim) + 61)))));

        Assert.Equal(2, usage.OpenSessions(Now, Interim));
    }

    [Fact]
    public void OpenSessions_ExceptTheAskingDevice_LeavesItsOwnSessionsOut()
    {
        var usage = Usage(
            ("laptop", Session(open: true, device: "0200000000A1")),
            ("laptop-earlier", Session(open: true, device: "0200000000A1")),
            ("phone", Session(open: true, device: "0200000000A2")),
            ("unnamed", Session(open: true, device: null)));

        Assert.Equal(2, usage.OpenSessions(Now, Interim, exceptCallingStationId: "0200000000A1"));
        Assert.Equal(4, usage.OpenSessions(Now, Interim, exceptCallingStationId: "0200000000FF"));
    }

    private static SessionUsage Session(bool open, string? device, DateTimeOffset? heardAt = null) =>
        new(60, open, "mitte-ap-1", heardAt ?? Now.AddSeconds(-30), device);

    private static CycleUsage Usage(params (string Id, SessionUsage Session)[] sessions) =>
        new("2026-11-01", sessions.ToDictionary(s => s.Id, s => s.Session), default);
}
