using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors;

/// <summary>
/// Webhook event ids already enqueued, so a platform's retry of an accepted webhook is answered 200, not queued again
/// (partition = connector, row = event id). <see cref="AcceptedWebhooks"/> reads and writes them for the webhook function.
/// </summary>
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

    /// <summary>Records acceptances of one connector in one transaction (at most 100); recording one again changes nothing.</summary>
    public async Task RecordBatchAsync(string connectorId, IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Count == 0)
            return;
        var table = await tables.GetAsync(TableNames.AcceptedWebhooks, cancellationToken);
        var partition = TableKey.Escape(connectorId);
        await table.SubmitTransactionAsync(accepted.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, TableKey.Escape(a.Key)) { ["AcceptedAt"] = a.Value })), cancellationToken);
    }
}
