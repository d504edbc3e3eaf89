using CoworkSync.State.Caching;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Connectors;

/// <summary>
/// Connectors kept in memory for the hot paths (RADIUS, webhook intake, applying webhooks), refreshed in the background
/// once 30 s old: connector settings change rarely. A save on this instance drops the copy, so this instance applies a
/// change at once, others within 30 s and one reload. A connector the copy does not know is looked up in storage (one
/// point read), so a connector created on another instance works at once; the admin API reads storage directly.
/// </summary>
public sealed class ConnectorCache
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConnectorStore _store;
    private readonly StaleWhileRefreshCache<Dictionary<string, Connector>> _connectors;

    public ConnectorCache(ConnectorStore store, TimeProvider time, ILogger<ConnectorCache> logger)
    {
        _store = store;
        _connectors = new(async ct => (await store.ListAsync(ct)).ToDictionary(c => c.Id, StringComparer.Ordinal), Freshness, time, logger, "connectors");
        store.Saved += _ => _connectors.Invalidate();
    }

    public async ValueTask<Connector?> GetAsync(string connectorId, CancellationToken cancellationToken)
    {
        if ((await _connectors.GetAsync(cancellationToken)).TryGetValue(connectorId, out var connector))
            return connector;
        var stored = await _store.GetAsync(connectorId, cancellationToken);
        if (stored is not null)
            _connectors.Invalidate();
        return stored;
    }
}
