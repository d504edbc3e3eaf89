using System.Net;
using Azure;
using Azure.Data.Tables;

namespace CoworkSync.State.Tables;

/// <summary>
/// Entities that should not exist yet (a new member's index and history entries), sent as inserts. Should one exist
/// after all (left by a run that stopped half way, or a write that lost a race), it is sent again as an upsert, so the
/// outcome is always an upsert's.
/// <para>
/// Why inserts first: Azurite, local mode's table store, finds an entity by scanning its partition, once for an insert
/// and twice for an upsert. Upserts into a connector's large partition were most of a first sync's time there; the
/// table service charges the two alike.
/// </para>
/// </summary>
public static class NewEntities
{
    /// <summary>Stores the entity as an upsert would: one insert, or an upsert after it when the entity existed.</summary>
    public static async Task InsertOrReplaceAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Stores every entity as an upsert would, in one transaction (two when one of them existed).</summary>
    /// <param name="table">The table.</param>
    /// <param name="entities">At most <see cref="TableTransactions.MaxActions"/> entities of one partition.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task InsertOrReplaceAllAsync(TableClient table, IReadOnlyCollection<ITableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entities);
        try
        {
            await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }
}
