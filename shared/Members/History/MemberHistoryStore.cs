using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.History;

/// <summary>
/// Each member's recent changes, newest first, at most <see cref="Capacity"/>: table <c>MemberHistory</c>, one partition
/// per member (connector|member id), one row per slot (the change's sequence number modulo the capacity), so a new
/// change overwrites the oldest and a member never has more rows. The member row counts the changes
/// (<see cref="Records.MemberRecord.HistoryCount"/>), so each change knows its slot without a read.
/// </summary>
public sealed class MemberHistoryStore(StateTables tables)
{
    public const int Capacity = 20;

    public async Task AppendAsync(string connectorId, string memberId, MemberHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(TableNames.MemberHistory, cancellationToken);
        var slot = (entry.Sequence % Capacity).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        await table.UpsertEntityAsync(new TableEntity(Partition(connectorId, memberId), slot)
        {
            ["Sequence"] = entry.Sequence,
            ["At"] = entry.At,
            ["EventId"] = entry.EventId,
            ["SyncRunId"] = entry.SyncRunId,
            ["ByOperator"] = entry.ByOperator,
            ["Outcome"] = entry.Outcome,
            ["Summary"] = entry.Summary,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The member's recent changes, newest first: one query of one partition of at most <see cref="Capacity"/> rows.</summary>
    public async Task<IReadOnlyList<MemberHistoryEntry>> ListAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.MemberHistory, cancellationToken);
        var entries = new List<MemberHistoryEntry>(Capacity);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(connectorId, memberId)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new MemberHistoryEntry(e.GetInt64("Sequence") ?? 0, e.GetDateTimeOffset("At") ?? default, e.GetString("EventId"),
                e.GetString("SyncRunId"), e.GetBoolean("ByOperator") ?? false, e.GetString("Outcome") ?? "", e.GetString("Summary") ?? ""));
        }
        return [.. entries.OrderByDescending(e => e.Sequence)];
    }

    private static string Partition(string connectorId, string memberId) => TableKey.Escape(connectorId) + "|" + TableKey.Escape(memberId);
}
