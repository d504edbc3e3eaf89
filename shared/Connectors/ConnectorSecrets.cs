using System.Collections.Concurrent;
using CoworkSync.State.Secrets;

namespace CoworkSync.Connectors;

/// <summary>
/// Connectors' secrets in the secret store, by name (<see cref="ConnectorSecretNames"/>); which secrets a connector
/// has, and their rules, are its platform's. Reads are cached briefly: every webhook needs a secret, and Key Vault is
/// not a hot-path store. A value set or deleted here is seen at once on this instance.
/// </summary>
public sealed class ConnectorSecrets(ISecretStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Reads a secret; null when it was never set.</summary>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Until > now)
            return cached.Value;
        var value = await store.GetAsync(name, cancellationToken);
        _cache[name] = (value, now + CacheFor);
        return value;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await store.SetAsync(name, value, cancellationToken);
        _cache[name] = (value, time.GetUtcNow() + CacheFor);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(name, cancellationToken);
        _cache[name] = (null, time.GetUtcNow() + CacheFor);
    }

    /// <summary>Whether a secret is set: what the admin API shows instead of its value.</summary>
    public async Task<bool> IsSetAsync(string name, CancellationToken cancellationToken) => await GetAsync(name, cancellationToken) is not null;
}
