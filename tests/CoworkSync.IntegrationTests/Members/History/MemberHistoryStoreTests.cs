using Azure;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.History;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Members.History;

/// <summary>
/// Each member's recent changes against real Table Storage: newest first, never more than twenty rows, in the connector's
/// partition (so a sync's new members' entries go in transactions), listed by two bounded queries (this layout's and the one before).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberHistoryStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageOperationLog _storage = new();
    private readonly string _connector = "hist-" + Guid.NewGuid().ToString("N")[..8];

    private TableServiceClient Service()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_storage.Policy, Azure.Core.HttpPipelinePosition.PerCall);
        return new TableServiceClient(azurite.ConnectionString, options);
    }

    [Fact]
    public async Task TwentyFiveChanges_KeepTheNewestTwenty_NewestFirst_InTwentyRowsOfTheConnectorsPartition_ListedByTwoBoundedQueries()
    {
        var service = Service();
        var store = new MemberHistoryStore(new StateTables(service));
        for (var sequence = 1; sequence <= 25; sequence++)
            await store.AppendAsync(_connector, "mem/1", Entry(sequence), CancellationToken.None);
        _storage.Clear();

        var listed = await store.ListAsync(_connector, "mem/1", CancellationToken.None);

        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(s => (long)s), listed.Select(e => e.Sequence));
        Assert.Equal(Entry(25), listed[0]);
        // The member's rows in the connector's partition, and the partition of the layout before it.
        var queries = _storage.All.Where(o => o.Kind != StorageOperationKind.Create).ToList();
        Assert.Equal(2, queries.Count);
        Assert.All(queries, q => Assert.Equal(StorageOperationKind.PartitionQuery, q.Kind));
        Assert.Equal(MemberHistoryStore.Capacity, Rows(service, TableKey.Escape(_connector)).Count());
        Assert.Empty(Rows(service, TableKey.Escape(_connector) + "|" + TableKey.Escape("mem/1")));
    }

    [Fact]
    public async Task TheFirstTwentyChanges_AreInsertedIntoEmptySlots_AndLaterOnesReplaceTheOldest()
    {
        var store = new MemberHistoryStore(new StateTables(Service()));
        await store.AppendAsync(_connector, "mem/1", Entry(1), CancellationToken.None);
        _storage.Clear();

        for (var sequence = 2; sequence <= 22; sequence++)
            await store.AppendAsync(_connector, "mem/1", Entry(sequence), CancellationToken.None);

        var writes = _storage.All.Where(o => o.Kind != StorageOperationKind.Create).Select(o => o.Kind).ToList();
        Assert.Equal([.. Enumerable.Repeat(StorageOperationKind.Insert, 19), StorageOperationKind.Upsert, StorageOperationKind.Upsert], writes);
        Assert.Equal(Enumerable.Range(3, 20).Reverse().Select(s => (long)s), (await store.ListAsync(_connector, "mem/1", CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AnEntryLeftInAnEmptySlot_IsReplacedByTheFirstChangeThatFillsIt()
    {
        var store = new MemberHistoryStore(new StateTables(Service()));
        await store.AppendAsync(_connector, "mem/2", Entry(1) with { Summary = "left behind" }, CancellationToken.None);
        _storage.Clear();

        await store.AppendAsync(_connector, "mem/2", Entry(1), CancellationToken.None);

        Assert.Equal([StorageOperationKind.Insert, StorageOperationKind.Upsert], _storage.All.Where(o => o.Kind != StorageOperationKind.Create).Select(o => o.Kind));
        Assert.Equal(Entry(1), Assert.Single(await store.ListAsync(_connector, "mem/2", CancellationToken.None)));
    }

    [Fact]
    public async Task The150NewMembersEntries_GoInTwoTransactionsOfTheConnectorsPartition_AndEachMemberListsOnlyTheirOwn()
    {
        var service = Service();
        var store = new MemberHistoryStore(new StateTables(service));
        var members = Enumerable.Range(0, 150).Select(i => $"new|{i:D3}").ToList();
        _storage.Clear();

        await store.AppendAllAsync(_connector, [.. members.Select(m => (m, Entry(1) with { Summary = "created " + m }))], CancellationToken.None);

        var writes = _storage.All.Where(o => o.Kind != StorageOperationKind.Create).ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, w => Assert.Equal((StorageOperationKind.Batch, TableKey.Escape(_connector)), (w.Kind, w.Partition)));
        foreach (var member in new[] { members[0], members[99], members[100], members[149] })
            Assert.Equal("created " + member, Assert.Single(await store.ListAsync(_connector, member, CancellationToken.None)).Summary);
        // A member id that another's starts with lists only its own rows.
        Assert.Empty(await store.ListAsync(_connector, "new|00", CancellationToken.None));
    }

    [Fact]
    public async Task EntriesOfTheEarlierLayout_APartitionPerMember_AreListedWithTheNewOnes_NewestFirst()
    {
        var service = Service();
        var store = new MemberHistoryStore(new StateTables(service));
        var earlier = TableKey.Escape(_connector) + "|" + TableKey.Escape("mem_old");
        var table = service.GetTableClient(TableNames.MemberHistory);
        await table.CreateIfNotExistsAsync();
        foreach (var sequence in new[] { 1, 2 })
        {
            var entry = Entry(sequence);
            await table.UpsertEntityAsync(new TableEntity(earlier, $"{sequence:D2}")
            {
                ["Sequence"] = (long)sequence, ["At"] = entry.At, ["EventId"] = entry.EventId, ["SyncRunId"] = entry.SyncRunId,
                ["ByOperator"] = entry.ByOperator, ["Outcome"] = entry.Outcome, ["Summary"] = entry.Summary,
            });
        }
        await store.AppendAsync(_connector, "mem_old", Entry(3), CancellationToken.None);

        var listed = await store.ListAsync(_connector, "mem_old", CancellationToken.None);

        Assert.Equal([Entry(3), Entry(2), Entry(1)], listed);
    }

    private static Pageable<TableEntity> Rows(TableServiceClient service, string partition) =>
        service.GetTableClient(TableNames.MemberHistory).Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"));

    [Fact]
    public async Task FewerChangesThanTheCapacity_AreAllListed_NewestFirst_AndEachMemberHasOnlyTheirOwn()
    {
        var store = new MemberHistoryStore(new StateTables(Service()));
        for (var sequence = 1; sequence <= 3; sequence++)
            await store.AppendAsync(_connector, "mem_a", Entry(sequence), CancellationToken.None);
        await store.AppendAsync(_connector, "mem_b", Entry(1) with { Summary = "b's own" }, CancellationToken.None);

        var a = await store.ListAsync(_connector, "mem_a", CancellationToken.None);
        var b = await store.ListAsync(_connector, "mem_b", CancellationToken.None);
        var none = await store.ListAsync(_connector, "mem_c", CancellationToken.None);

        Assert.Equal([3L, 2L, 1L], a.Select(e => e.Sequence));
        Assert.Equal("b's own", Assert.Single(b).Summary);
        Assert.Empty(none);
    }

    private static MemberHistoryEntry Entry(int sequence) =>
        new(sequence, T0.AddMinutes(sequence), sequence % 2 == 0 ? $"evt_{sequence}" : null, sequence % 2 == 1 ? $"sync_{sequence}" : null,
            sequence == 3, sequence == 1 ? "Created" : "Updated", $"change {sequence}");
}
