using CoworkSync.Members.Sync;

namespace CoworkSync.UnitTests.Members.Sync;

public sealed class SyncStarterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDue_NeverSynced_IsDue() => Assert.True(SyncStarter.IsDue(null, 15, Now));

    [Theory]
    [InlineData(SyncRunState.Succeeded, 14, false)]
    [InlineData(SyncRunState.Succeeded, 15, true)]
    [InlineData(SyncRunState.Failed, 16, true)]
    [InlineData(SyncRunState.Running, 30, false)]
    [InlineData(SyncRunState.Queued, 59, false)]
    [InlineData(SyncRunState.Running, 61, true)]
    public void IsDue_DependsOnTheLastRunsAgeAndState(SyncRunState state, int minutesAgo, bool due) =>
        Assert.Equal(due, SyncStarter.IsDue(Run(state, Now.AddMinutes(-minutesAgo)), 15, Now));

    private static SyncRun Run(SyncRunState state, DateTimeOffset queuedAt) =>
        new() { ConnectorId = "c", RunId = "r", Trigger = SyncStarter.Schedule, State = state, QueuedAt = queuedAt };
}
