using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.History;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Members.History;

/// <summary>Each member's recent changes against real Table Storage: newest first, never more than twenty rows, one query to list.</summary>
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
    public async Task TwentyFiveChanges_KeepTheNewestTwenty_NewestFirst_InTwentyRows_ListedByOneQuery()
    {
        var service = Service();
        var store = new MemberHistoryStore(new StateTables(service));
        for (var sequence = 1; sequence <= 25; sequence++)
            await store.AppendAsync(_connector, "mem/1", Entry(sequence), CancellationToken.None);
        _storage.Clear();

        var listed = await store.ListAsync(_connector, "mem/1", CancellationToken.None);

        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(s => (long)s), listed.Select(e => e.Sequence));
        Assert.Equal(Entry(25), listed[0]);
        var query = Assert.Single(_storage.All, o => o.Kind != StorageOperationKind.Create);
        Assert.Equal(StorageOperationKind.PartitionQuery, query.Kind);
        var rows = service.GetTableClient(TableNames.MemberHistory)
            .Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(_connector) + "|" + TableKey.Escape("mem/1")}"));
        Assert.Equal(MemberHistoryStore.Capacity, rows.Count());
    }

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
