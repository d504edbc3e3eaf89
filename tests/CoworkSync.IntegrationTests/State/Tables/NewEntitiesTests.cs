using Azure;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.State.Tables;

/// <summary>
/// Entities that should be new, against real Table Storage: one transaction of inserts; when one exists after all, the
/// same transaction again as upserts, so what is stored is what an upsert stores; any other refusal is not retried.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NewEntitiesTests(AzuriteFixture azurite)
{
    private readonly StorageOperationLog _storage = new();
    private readonly string _partition = "new-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AllNew_AreStoredByOneTransaction()
    {
        var table = await TableAsync();
        _storage.Clear();

        await NewEntities.InsertOrReplaceAllAsync(table, [Entity("a", "first"), Entity("b", "first")], CancellationToken.None);

        Assert.Equal(StorageOperationKind.Batch, Assert.Single(_storage.All).Kind);
        Assert.Equal(["a first", "b first"], await RowsAsync(table));
    }

    [Fact]
    public async Task OneExisting_TheTransactionIsSubmittedAgainAsUpserts_AndReplacesIt()
    {
        var table = await TableAsync();
        var existing = Entity("b", "left behind");
        existing["Stale"] = "yes";
        await table.AddEntityAsync(existing);
        _storage.Clear();

        await NewEntities.InsertOrReplaceAllAsync(table, [Entity("a", "second"), Entity("b", "second"), Entity("c", "second")], CancellationToken.None);

        Assert.Equal([StorageOperationKind.Batch, StorageOperationKind.Batch], _storage.All.Select(o => o.Kind));
        Assert.Equal(["a second", "b second", "c second"], await RowsAsync(table));
        Assert.False((await table.GetEntityAsync<TableEntity>(_partition, "b")).Value.ContainsKey("Stale"));
    }

    [Fact]
    public async Task AnotherRefusal_IsNotRetried()
    {
        var table = await TableAsync();
        var tooLarge = Entity("a", new string('x', 40_000)); // a string column holds at most 32K characters
        _storage.Clear();

        await Assert.ThrowsAsync<TableTransactionFailedException>(() =>
            NewEntities.InsertOrReplaceAllAsync(table, [Entity("b", "fine"), tooLarge], CancellationToken.None));

        Assert.Single(_storage.All);
        Assert.Empty(await RowsAsync(table));
    }

    private async Task<TableClient> TableAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_storage.Policy, Azure.Core.HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("NewEntities");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private TableEntity Entity(string rowKey, string value) => new(_partition, rowKey) { ["Value"] = value };

    private async Task<List<string>> RowsAsync(TableClient table)
    {
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_partition}")))
            rows.Add($"{row.RowKey} {row.GetString("Value")}");
        return rows;
    }
}
