using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.State.CrashPoints;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Faults;

/// <summary>
/// CoworkSync killed with SIGKILL while events are being applied, at a chosen point of one event (and wherever the other
/// deliveries in flight happen to be), then started again: every accepted event ends applied or dead-lettered, none
/// twice, and the accounts are those an ordered, single delivery gives. The claim lease is longer than the queue's lock,
/// as in production (a lease at least the function timeout), so the redelivery of a killed delivery meets its claim.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["LocalQueue__LockDuration"] = "00:00:04",
        ["EventProcessing__ClaimLease"] = "00:00:12",
        ["EventProcessing__BaseRetryDelay"] = "00:00:00.500",
        ["EventProcessing__MaxRetryDelay"] = "00:00:03",
    };

    [Theory]
    [InlineData(CrashPoint.AfterClaim)]
    [InlineData(CrashPoint.AfterAccountWrite)]
    [InlineData(CrashPoint.BeforeMarkApplied)]
    public async Task KilledWhileApplying_ThenRestarted_EveryEventEndsAppliedOrDeadLettered_NoneTwice(CrashPoint point)
    {
        var histories = MemberHistories.Generate(point.ToString().ToLowerInvariant()[..6], members: 10, statesEach: 3, seed: (int)point + 16);
        await using var space = await CoworksSpaceOfApp.StartAsync("crash");
        var target = histories.Histories.Values.First()[0];
        await using var app = await AppProcess.StartAsync(azurite.ConnectionString, Settings);
        await space.ConnectAsync(app);
        await app.KillAsync();
        await app.RunAsync(new Dictionary<string, string> { ["LocalMode__CrashPoint"] = point.ToString(), ["LocalMode__CrashPointEventId"] = target.EventId });

        await space.SendAsync(app, target);
        var others = histories.All.Where(s => s != target).OrderBy(s => s.EventId.GetHashCode(StringComparison.Ordinal)).ToList();
        var sending = space.SendUnacceptedAsync(app, others);
        await Eventually.TrueAsync(() => File.Exists(app.CrashMarker), $"the app to reach {point} of {target.EventId}", TimeSpan.FromSeconds(60));
        var pid = app.Pid;
        await app.KillAsync();
        await sending;
        output.WriteLine($"Killed pid {pid} at {point} of {target.EventId}; {space.Accepted.Count} of {histories.All.Count()} webhooks accepted before the kill");

        await app.RunAsync(extra: null);
        await space.SendUnacceptedAsync(app, histories.All);
        Assert.Equal(histories.All.Count(), space.Accepted.Count);

        var books = await space.SettleAsync(app, new TableServiceClient(azurite.ConnectionString), histories, TimeSpan.FromSeconds(90));
        output.WriteLine($"Books: {books}");
        Assert.Contains(target.EventId, books.Applied);
    }
}
