using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.History;

/// <summary>
/// Each member's recent changes, newest first, at most <see cref="Capacity"/>: table <c>MemberHistory</c>, one partition
/// per connector, one row per member and slot (<c>member|slot</c>, the slot being the change's sequence number modulo
/// the capacity), so a new change overwrites the member's oldest and a member never has more rows. The member row counts
/// the changes (<see cref="Records.MemberRecord.HistoryCount"/>), so each change knows its slot without a read. Sharing
/// the connector's partition lets the entries of a sync's new members go in transactions
/// (<see cref="AppendAllAsync"/>).
/// <para>
/// Entries written before this layout sit in a partition per member (<c>connector|member</c>, row = slot). They are
/// still listed, merged by sequence, and no longer written.
/// </para>
/// </summary>
public sealed class MemberHistoryStore(StateTables tables)
{
    public const int Capacity = 20;

    private const char Separator = '|';

    public async Task AppendAsync(string connectorId, string memberId, MemberHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(TableNames.MemberHistory, cancellationToken);
        var entity = ToEntity(connectorId, memberId, entry);
        // The member's first changes fill empty slots (inserts, NewEntities); from then on each overwrites the oldest.
        if (entry.Sequence <= Capacity)
            await NewEntities.InsertOrReplaceAsync(table, entity, cancellationToken);
        else
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Appends one entry for each of several members of one connector, in transactions of at most
    /// <see cref="TableTransactions.MaxActions"/> (of inserts: <see cref="NewEntities"/>): each transaction
    /// stores all its entries or none.
    /// </summary>
    /// <param name="connectorId">The members' connector.</param>
    /// <param name="entries">Each member's entry; a member appears at most once.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task AppendAllAsync(string connectorId, IReadOnlyList<(string MemberId, MemberHistoryEntry Entry)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
            return;
        var table = await tables.GetAsync(TableNames.MemberHistory, cancellationToken);
        foreach (var chunk in entries.Chunk(TableTransactions.MaxActions))
            await NewEntities.InsertOrReplaceAllAsync(table, [.. chunk.Select(e => ToEntity(connectorId, e.MemberId, e.Entry))], cancellationToken);
    }

    /// <summary>
    /// The member's recent changes, newest first: one query of the member's rows in the connector's partition, and one of
    /// the partition the earlier layout gave the member; each at most <see cref="Capacity"/> rows.
    /// </summary>
    public async Task<IReadOnlyList<MemberHistoryEntry>> ListAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.MemberHistory, cancellationToken);
        var prefix = MemberPrefix(memberId);
        var partition = TableKey.Escape(connectorId);
        var upper = prefix[..^1] + (char)(Separator + 1);
        var current = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}");
        var earlier = TableClient.CreateQueryFilter($"PartitionKey eq {EarlierPartition(connectorId, memberId)}");
        var entries = new List<MemberHistoryEntry>(Capacity);
        foreach (var filter in new[] { current, earlier })
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                entries.Add(FromEntity(e));
        }
        return [.. entries.OrderByDescending(e => e.Sequence).DistinctBy(e => e.Sequence).Take(Capacity)];
    }

    private static TableEntity ToEntity(string connectorId, string memberId, MemberHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var slot = (entry.Sequence % Capacity).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        return new TableEntity(TableKey.Escape(connectorId), MemberPrefix(memberId) + slot)
        {
            ["Sequence"] = entry.Sequence,
            ["At"] = entry.At,
            ["EventId"] = entry.EventId,
            ["SyncRunId"] = entry.SyncRunId,
            ["ByOperator"] = entry.ByOperator,
            ["Outcome"] = entry.Outcome,
            ["Summary"] = entry.Summary,
        };
    }

    private static MemberHistoryEntry FromEntity(TableEntity e) =>
        new(e.GetInt64("Sequence") ?? 0, e.GetDateTimeOffset("At") ?? default, e.GetString("EventId"),
            e.GetString("SyncRunId"), e.GetBoolean("ByOperator") ?? false, e.GetString("Outcome") ?? "", e.GetString("Summary") ?? "");

    // The member id escaped with its separator too, so that no member's rows share a prefix with another's.
    private static string MemberPrefix(string memberId) =>
        TableKey.Escape(memberId).Replace("|", "%7C", StringComparison.Ordinal) + Separator;

    private static string EarlierPartition(string connectorId, string memberId) => TableKey.Escape(connectorId) + "|" + TableKey.Escape(memberId);
}
