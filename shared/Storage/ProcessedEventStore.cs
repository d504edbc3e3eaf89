using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Events;

namespace CoworkSync.Storage;

/// <summary>
/// Remembers which events have been applied, so a repeat (a broker redelivery, a duplicate webhook,
/// a second replay) is a no-op. Partition: connector; row: event id.
/// </summary>
public sealed class ProcessedEventStore(StateTables tables) : IProcessedEventStore
{
    public async Task<bool> WasAppliedAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Escape(envelope.ConnectorId), TableKey.Escape(envelope.Id), select: ["PartitionKey"], cancellationToken);
        return found.HasValue;
    }

    public async Task MarkAppliedAsync(EventEnvelope envelope, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var entity = new TableEntity(TableKey.Escape(envelope.ConnectorId), TableKey.Escape(envelope.Id))
        {
            ["EventType"] = envelope.Type,
            ["AppliedAt"] = appliedAt,
            ["Attempt"] = envelope.Attempt,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Applied concurrently by another delivery: the first record stands.
        }
    }

    public async Task<int> PurgeAppliedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"AppliedAt lt {cutoff}");
        var expired = table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        var batch = new List<TableTransactionAction>(100);
        string? partition = null;
        await foreach (var entity in expired)
        {
            if (batch.Count == 100 || (partition is not null && partition != entity.PartitionKey))
            {
                purged += await DeleteBatchAsync(table, batch, cancellationToken);
            }
            partition = entity.PartitionKey;
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }
        return purged + await DeleteBatchAsync(table, batch, cancellationToken);
    }

    private static async Task<int> DeleteBatchAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return 0;
        var count = batch.Count;
        await table.SubmitTransactionAsync(batch, cancellationToken);
        batch.Clear();
        return count;
    }
}
