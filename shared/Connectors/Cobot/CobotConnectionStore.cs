using Azure.Data.Tables;
using CoworkSync.Storage;

namespace CoworkSync.Connectors.Cobot;

/// <summary>Cobot connection state per connector: one row in partition <c>cobot</c>, row = connector id.</summary>
public sealed class CobotConnectionStore(StateTables tables)
{
    private const string Partition = "cobot";

    public async Task<CobotConnectionRecord?> GetAsync(string connectorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.CobotConnections, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKey.Escape(connectorId), cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;
        var e = found.Value!;
        return new CobotConnectionRecord(e.GetString("State") ?? CobotConnectionStates.Connected, e.GetString("Reason"),
            e.GetDateTimeOffset("At") ?? default, e.GetString("SpaceId"), e.GetBoolean("SpaceOwnedToken") ?? false);
    }

    public async Task SaveAsync(string connectorId, CobotConnectionRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.CobotConnections, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKey.Escape(connectorId))
        {
            ["State"] = record.State,
            ["Reason"] = record.Reason,
            ["At"] = record.At,
            ["SpaceId"] = record.SpaceId,
            ["SpaceOwnedToken"] = record.SpaceOwnedToken,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records an error (or that the error is over), writing only when the state changes.</summary>
    public async Task SetStateAsync(string connectorId, string state, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var current = await GetAsync(connectorId, cancellationToken);
        if (current is not null && current.State == state && current.Reason == reason)
            return;
        await SaveAsync(connectorId, (current ?? new CobotConnectionRecord(state, reason, at)) with { State = state, Reason = reason, At = at }, cancellationToken);
    }
}
