using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Platforms.Cobot;

/// <summary>Cobot connection state per connector: one row in partition <c>cobot</c>, row = connector id.</summary>
public sealed class CobotConnectionStore(StateTables tables, TimeProvider time)
{
    private const string Partition = "cobot";

    public async Task<CobotConnectionRecord?> GetAsync(string connectorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(CobotTables.CobotConnections, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKey.Escape(connectorId), cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;
        var e = found.Value!;
        return new CobotConnectionRecord(e.GetString("State") ?? CobotConnectionStates.Connected, Reason(e),
            e.GetDateTimeOffset("At") ?? default, e.GetString("SpaceId"), e.GetBoolean("SpaceOwnedToken") ?? false);
    }

    /// <summary>
    /// The connectors with a connection row: each was connected, so it has a token (a failed connect leaves neither a
    /// row nor a token). One query, where asking the secret store would be one read per connector.
    /// </summary>
    public async Task<IReadOnlySet<string>> ConnectedAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(CobotTables.CobotConnections, cancellationToken);
        var connected = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey"], cancellationToken: cancellationToken))
            connected.Add(TableKey.Unescape(row.RowKey));
        return connected;
    }

    /// <summary>Records a new connection, replacing whatever was known about the previous one; its time is kept apart as <c>ConnectedAt</c>.</summary>
    public async Task SaveAsync(string connectorId, CobotConnectionRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(CobotTables.CobotConnections, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKey.Escape(connectorId))
        {
            ["State"] = record.State,
            ["Reason"] = record.Reason,
            ["At"] = record.At,
            ["ConnectedAt"] = record.At,
            ["SpaceId"] = record.SpaceId,
            ["SpaceOwnedToken"] = record.SpaceOwnedToken,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Records an error (or that the error is over), writing only when the state changes, and only the state, its
    /// reason and when: a connection saved meanwhile keeps its space and token. The write carries the read's ETag; if
    /// the row changed in between, it is decided again from a fresh read.
    /// </summary>
    /// <param name="connectorId">The connector whose connection state this is.</param>
    /// <param name="state">The new state (<see cref="CobotConnectionStates"/>).</param>
    /// <param name="reason">Why, for the operator (never a secret); null when connected.</param>
    /// <param name="at">When the state was observed.</param>
    /// <param name="cancellationToken">Cancels the read and the write.</param>
    /// <param name="unlessConnectedAfter">
    /// When the call that failed began: a connection saved after it has a token that call did not use, so what Cobot
    /// said of the old token is not written over it.
    /// </param>
    public async Task SetStateAsync(string connectorId, string state, string? reason, DateTimeOffset at, CancellationToken cancellationToken,
        DateTimeOffset? unlessConnectedAfter = null)
    {
        var table = await tables.GetAsync(CobotTables.CobotConnections, cancellationToken);
        var row = TableKey.Escape(connectorId);
        // A merge leaves out null properties rather than clearing them: no reason is stored as "".
        var change = new TableEntity(Partition, row) { ["State"] = state, ["Reason"] = reason ?? "", ["At"] = at };
        await OptimisticConcurrency.RunAsync(async ct =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: ct);
            if (!found.HasValue)
                await table.AddEntityAsync(change, ct);
            else if (unlessConnectedAfter is { } began && found.Value!.GetDateTimeOffset("ConnectedAt") > began)
                return true;
            else if (found.Value!.GetString("State") != state || Reason(found.Value) != reason)
                await table.UpdateEntityAsync(change, found.Value.ETag, TableUpdateMode.Merge, ct);
            return true;
        }, time, cancellationToken);
    }

    private static string? Reason(TableEntity e) => e.GetString("Reason") is { Length: > 0 } reason ? reason : null;
}
