using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>
/// The dead letters waiting for someone, for the console's overview, without scanning the dead letters: table
/// <c>OpenDeadLetters</c>, one row per open dead letter in partition <c>open</c> (row key the dead letter's). A dead letter
/// is marked open before its record is written and closed after it is replayed or discarded, so a failure between the
/// two can only count one too many until that dead letter next changes, never miss one. Counting reads at most the rows
/// it counts. Dead letters recorded before this index existed are indexed once, by the first count (marker row
/// <c>index</c>/<c>built</c>).
/// </summary>
public sealed class OpenDeadLetters(StateTables tables)
{
    public const string Partition = "open";
    private const string MarkerPartition = "index";
    private const string MarkerRow = "built";

    private volatile bool _built;

    public async Task MarkOpenAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.OpenDeadLetters, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKey.Escape(deadLetterId)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task MarkClosedAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.OpenDeadLetters, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, TableKey.Escape(deadLetterId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not open: nothing to close.
        }
    }

    /// <summary>How many dead letters are open, counting at most <paramref name="max"/>.</summary>
    /// <returns>The count, and whether there are more than <paramref name="max"/>.</returns>
    public async Task<(int Count, bool More)> CountAsync(int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.OpenDeadLetters, cancellationToken);
        await EnsureBuiltAsync(table, cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: Math.Min(max + 1, 1000), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (++count > max)
                return (max, true);
        }
        return (count, false);
    }

    private async Task EnsureBuiltAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (_built)
            return;
        if (!(await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            var deadLetters = await tables.GetAsync(TableNames.DeadLetters, cancellationToken);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeadLetterEntityMapper.Partition} and State eq {nameof(DeadLetterState.Open)}");
            await foreach (var open in deadLetters.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
                await table.UpsertEntityAsync(new TableEntity(Partition, open.RowKey), TableUpdateMode.Replace, cancellationToken);
            await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow), TableUpdateMode.Replace, cancellationToken);
        }
        _built = true;
    }
}
