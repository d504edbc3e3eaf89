using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace CoworkSync.State.Tables;

/// <summary>Hands out table clients, creating each table the first time it is used.</summary>
public sealed class StateTables(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, TableClient> _ready = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public async ValueTask<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        if (_ready.TryGetValue(tableName, out var client))
            return client;

        client = service.GetTableClient(tableName);
        // A failed creation is not cached: the next call tries again once storage is back.
        await client.CreateIfNotExistsAsync(cancellationToken);
        return _ready.GetOrAdd(tableName, client);
    }
}
