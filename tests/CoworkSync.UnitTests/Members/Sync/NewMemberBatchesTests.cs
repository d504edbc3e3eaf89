using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Sync;

namespace CoworkSync.UnitTests.Members.Sync;

public sealed class NewMemberBatchesTests
{
    [Fact]
    public void Add_HandsOverEachFullBatchOnce_AndTakeRestTheMembersLeft()
    {
        var batches = new NewMemberBatches(3);
        var handed = new List<IReadOnlyList<ReconcileRequest>>();

        for (var i = 0; i < 7; i++)
        {
            if (batches.Add(Request($"mem_{i}")) is { } full)
                handed.Add(full);
        }
        var rest = batches.TakeRest();

        Assert.Equal([["mem_0", "mem_1", "mem_2"], ["mem_3", "mem_4", "mem_5"]], handed.Select(Ids));
        Assert.Equal(["mem_6"], Ids(rest));
        Assert.Empty(batches.TakeRest());
    }

    [Fact]
    public async Task Add_FromManyThreads_LosesNoMemberAndRepeatsNone()
    {
        var batches = new NewMemberBatches(100);
        var handed = new System.Collections.Concurrent.ConcurrentBag<IReadOnlyList<ReconcileRequest>>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 1_050), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            if (batches.Add(Request($"mem_{i}")) is { } full)
                handed.Add(full);
            return ValueTask.CompletedTask;
        });
        handed.Add(batches.TakeRest());

        Assert.Equal(10, handed.Count(b => b.Count == 100));
        Assert.Equal(1_050, handed.SelectMany(Ids).Distinct().Count());
        Assert.Equal(1_050, handed.Sum(b => b.Count));
    }

    private static string[] Ids(IReadOnlyList<ReconcileRequest> batch) => [.. batch.Select(r => r.Member.MemberId)];

    private static ReconcileRequest Request(string memberId) =>
        new("berlin", new PlatformMember { MemberId = memberId, Status = MemberStatus.Active, UpdatedAt = DateTimeOffset.UnixEpoch }, new ConnectorSettings(), []);
}
