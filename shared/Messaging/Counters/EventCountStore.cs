using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.Counters;

/// <summary>
/// The hourly event counts in table <c>EventCounts</c>: one partition, <c>hours</c>; a row per hour and process,
/// <c>{yyyyMMddHH}-{instance}</c>, holding that process's totals for the hour. Each process writes only its own rows
/// (replacing them with its growing totals), so writes never contend; a day is one range query over 24 hours' rows.
/// Rows older than the retention period are purged by the daily timer.
/// </summary>
public sealed class EventCountStore(StateTables tables) : IExpiringRecords
{
    public const string Partition = "hours";

    public async Task WriteAsync(string instanceId, HourTotals totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var table = await tables.GetAsync(TableNames.EventCounts, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, $"{HourKey(totals.Hour)}-{instanceId}")
        {
            ["Hour"] = totals.Hour,
            ["Accepted"] = totals.Accepted,
            ["Applied"] = totals.Applied,
            ["Retried"] = totals.Retried,
            ["DeadLettered"] = totals.DeadLettered,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every process's rows for the hours from <paramref name="firstHour"/> to <paramref name="lastHour"/>, with the process's id.</summary>
    public async Task<IReadOnlyList<(string InstanceId, HourTotals Totals)>> ReadAsync(DateTimeOffset firstHour, DateTimeOffset lastHour, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.EventCounts, cancellationToken);
        var from = HourKey(firstHour);
        // Every row of the last hour sorts before the hour's key followed by '~'.
        var to = HourKey(lastHour) + "~";
        var rows = new List<(string, HourTotals)>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            var dash = e.RowKey.IndexOf('-', StringComparison.Ordinal);
            rows.Add((dash < 0 ? "" : e.RowKey[(dash + 1)..], new HourTotals(
                e.GetDateTimeOffset("Hour") ?? default,
                e.GetInt64("Accepted") ?? 0, e.GetInt64("Applied") ?? 0, e.GetInt64("Retried") ?? 0, e.GetInt64("DeadLettered") ?? 0)));
        }
        return rows;
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.EventCounts, cancellationToken);
        var purged = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {HourKey(cutoff)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, cancellationToken);
                purged++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Purged by another instance meanwhile.
            }
        }
        return purged;
    }

    private static string HourKey(DateTimeOffset hour) => hour.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
