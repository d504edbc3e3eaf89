namespace CoworkSync.Connectors;

/// <summary>
/// Connectors kept in memory for the RADIUS hot path, refreshed at most every 30 s: authorize may do only two point
/// reads (account and usage), and connector settings change rarely. Admin writes go straight to the store.
/// </summary>
public sealed class ConnectorCache(ConnectorStore store, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async ValueTask<Connector?> GetAsync(string connectorId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt > Freshness)
            snapshot = await RefreshAsync(cancellationToken);
        return snapshot.Connectors.GetValueOrDefault(connectorId);
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            if (current is not null && time.GetUtcNow() - current.LoadedAt <= Freshness)
                return current;
            var connectors = await store.ListAsync(cancellationToken);
            return _snapshot = new Snapshot(connectors.ToDictionary(c => c.Id, StringComparer.Ordinal), time.GetUtcNow());
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(Dictionary<string, Connector> Connectors, DateTimeOffset LoadedAt);
}
