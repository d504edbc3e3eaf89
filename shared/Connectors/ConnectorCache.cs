using CoworkSync.State.Caching;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Connectors;

/// <summary>
/// Connectors kept in memory for the RADIUS hot path, refreshed in the background once 30 s old: authorize may do only
/// two point reads (account and usage), and connector settings change rarely. Admin writes go straight to the store.
/// </summary>
public sealed class ConnectorCache
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly StaleWhileRefreshCache<Dictionary<string, Connector>> _connectors;

    public ConnectorCache(ConnectorStore store, TimeProvider time, ILogger<ConnectorCache> logger) =>
        _connectors = new(async ct => (await store.ListAsync(ct)).ToDictionary(c => c.Id, StringComparer.Ordinal), Freshness, time, logger, "connectors");

    public async ValueTask<Connector?> GetAsync(string connectorId, CancellationToken cancellationToken) =>
        (await _connectors.GetAsync(cancellationToken)).GetValueOrDefault(connectorId);
}
