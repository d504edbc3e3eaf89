using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors;

/// <summary>
/// Connector configurations, read fresh here; the hot paths read them through <see cref="ConnectorCache"/>, which
/// forgets its copy whenever this instance saves one (<see cref="Saved"/>).
/// </summary>
public sealed class ConnectorStore(StateTables tables)
{
    /// <summary>Raised after a connector was saved, with its id.</summary>
    public event Action<string>? Saved;

    public async Task<Connector?> GetAsync(string connectorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Connectors, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ConnectorEntityMapper.Partition, connectorId, cancellationToken: cancellationToken);
        return found.HasValue ? ConnectorEntityMapper.FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<Connector>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Connectors, cancellationToken);
        var connectors = new List<Connector>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == ConnectorEntityMapper.Partition, cancellationToken: cancellationToken))
            connectors.Add(ConnectorEntityMapper.FromEntity(entity));
        return connectors;
    }

    /// <summary>Adds a new connector (no ETag) or replaces the one read with that ETag.</summary>
    public async Task<Connector> SaveAsync(Connector connector, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Connectors, cancellationToken);
        var entity = ConnectorEntityMapper.ToEntity(connector);
        var response = connector.ETag == default
            ? await table.AddEntityAsync(entity, cancellationToken)
            : await table.UpdateEntityAsync(entity, connector.ETag, TableUpdateMode.Replace, cancellationToken);
        Saved?.Invoke(connector.Id);
        return connector with { ETag = response.Headers.ETag ?? default };
    }
}
