using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors;

/// <summary>Webhook event ids already enqueued, so a platform's retry of an accepted webhook is answered 200, not queued again.</summary>
public sealed class AcceptedWebhookStore(StateTables tables) : IExpiringRecords
{
    public async Task<bool> WasAcceptedAsync(string connectorId, string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.AcceptedWebhooks, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(connectorId), TableKey.Escape(eventId), select: ["PartitionKey"], cancellationToken);
        return found.HasValue;
    }

    /// <summary>Forgets webhooks accepted before the cutoff: platforms stop retrying long before; returns how many.</summary>
    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.AcceptedWebhooks, cancellationToken);
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"AcceptedAt lt {cutoff}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            purged++;
        }
        return purged;
    }

    public async Task RecordAsync(string connectorId, string eventId, DateTimeOffset acceptedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.AcceptedWebhooks, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKey.Escape(connectorId), TableKey.Escape(eventId)) { ["AcceptedAt"] = acceptedAt }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Accepted twice at the same moment: one record is enough.
        }
    }
}
