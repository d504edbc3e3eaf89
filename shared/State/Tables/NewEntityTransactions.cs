using System.Net;
using Azure.Data.Tables;

namespace CoworkSync.State.Tables;

/// <summary>
/// Entities that should not exist yet (the index and history entries of a sync's new members), written to one
/// partition as one transaction of inserts. Should one exist after all (left by a run that stopped half way), the same
/// transaction is submitted again as upserts, so the outcome is always an upsert's.
/// <para>
/// Why inserts first: Azurite, local mode's table store, finds an entity by scanning its partition, once for an insert
/// and twice for an upsert. Upserts into a connector's large partition were most of a first sync's time there; the
/// table service charges the two alike.
/// </para>
/// </summary>
public static class NewEntityTransactions
{
    /// <summary>Stores every entity as an upsert would, in one transaction (two when one of them existed).</summary>
    /// <param name="table">The table.</param>
    /// <param name="entities">At most <see cref="TableTransactions.MaxActions"/> entities of one partition.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task InsertOrReplaceAsync(TableClient table, IReadOnlyCollection<ITableEntity> entities, CancellationToken cancellationToken)
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
