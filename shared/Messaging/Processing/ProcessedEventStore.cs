using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Messaging.Events;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.Processing;

/// <summary>
/// Remembers which events have been applied, or are being applied, so a repeat (a broker redelivery, a duplicate
/// webhook, a second replay, even at the same moment) is a no-op. Partition: connector; row: event id.
/// </summary>
public sealed class ProcessedEventStore(StateTables tables) : IProcessedEventStore
{
    private const string Processing = "Processing";
    private const string Applied = "Applied";

    public async Task<EventClaim> ClaimAsync(EventEnvelope envelope, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var (partition, row) = Keys(envelope);
        var claim = new TableEntity(partition, row)
        {
            ["State"] = Processing,
            ["EventType"] = envelope.Type,
            ["LeaseUntil"] = now + lease,
        };
        try
        {
            var added = await table.AddEntityAsync(claim, cancellationToken);
            return new EventClaim(EventClaimStatus.Claimed, added.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Someone holds or held it: see below.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (!existing.HasValue)
            return EventClaim.Elsewhere(now); // Released between the two calls: worth another look at once.
        var record = existing.Value!;
        if (record.GetString("State") == Applied)
            return EventClaim.Applied;
        if (record.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now)
            return EventClaim.Elsewhere(leaseUntil);

        // The holder's lease ran out (it died): take the claim over, unless another delivery just did.
        try
        {
            var taken = await table.UpdateEntityAsync(claim, record.ETag, TableUpdateMode.Replace, cancellationToken);
            return new EventClaim(EventClaimStatus.Claimed, taken.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return EventClaim.Elsewhere(now + lease);
        }
    }

    public async Task MarkAppliedAsync(EventEnvelope envelope, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var (partition, row) = Keys(envelope);
        var applied = new TableEntity(partition, row)
        {
            ["State"] = Applied,
            ["EventType"] = envelope.Type,
            ["AppliedAt"] = appliedAt,
            ["Attempt"] = envelope.Attempt,
        };
        // The claim's row is there to replace: an update, which Azurite (local mode's store) finds with one scan of the
        // connector's partition where an upsert takes two. Written as an upsert should the row be gone all the same.
        try
        {
            await table.UpdateEntityAsync(applied, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            await table.UpsertEntityAsync(applied, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task ReleaseAsync(EventEnvelope envelope, EventClaim claim, CancellationToken cancellationToken)
    {
        if (claim.Status != EventClaimStatus.Claimed)
            return;
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var (partition, row) = Keys(envelope);
        try
        {
            await table.DeleteEntityAsync(partition, row, claim.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // The claim expired and was taken over, or is gone already.
        }
    }

    private static (string Partition, string Row) Keys(EventEnvelope envelope) =>
        (TableKey.Escape(envelope.ConnectorId), TableKey.Escape(envelope.Id));

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProcessedEvents, cancellationToken);
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"AppliedAt lt {cutoff} or LeaseUntil lt {cutoff}");
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
