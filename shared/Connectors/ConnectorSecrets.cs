using System.Collections.Concurrent;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.Options;

namespace CoworkSync.Connectors;

/// <summary>
/// A connector's API key and webhook secrets. Setting a new webhook secret keeps the previous one valid for a grace
/// period, so webhooks signed before the platform picked up the new secret still pass. Reads are cached briefly:
/// every webhook needs the secrets, and Key Vault is not a hot-path store.
/// </summary>
public sealed class ConnectorSecrets(ISecretStore store, TimeProvider time, IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <returns>True when the webhook secret changed, so the caller records when.</returns>
    public async Task<bool> SetAsync(string connectorId, string? apiKey, string? webhookSecret, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
            await SetCachedAsync(ConnectorSecretNames.ApiKey(connectorId), apiKey, cancellationToken);
        if (webhookSecret is null)
            return false;

        var current = await store.GetAsync(ConnectorSecretNames.WebhookSecret(connectorId), cancellationToken);
        if (current == webhookSecret)
            return false;
        if (current is not null)
            await SetCachedAsync(ConnectorSecretNames.PreviousWebhookSecret(connectorId), current, cancellationToken);
        await SetCachedAsync(ConnectorSecretNames.WebhookSecret(connectorId), webhookSecret, cancellationToken);
        return true;
    }

    public Task<string?> GetApiKeyAsync(string connectorId, CancellationToken cancellationToken) =>
        GetCachedAsync(ConnectorSecretNames.ApiKey(connectorId), cancellationToken);

    /// <summary>Sets any named connector secret (Cobot's client id and secret, access token, callback token).</summary>
    public Task SetAsync(string name, string value, CancellationToken cancellationToken) => SetCachedAsync(name, value, cancellationToken);

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(name, cancellationToken);
        _cache[name] = (null, time.GetUtcNow() + CacheFor);
    }

    /// <summary>Reads any named connector secret; null when it was never set.</summary>
    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) => GetCachedAsync(name, cancellationToken);

    /// <summary>Which secrets are set: what the admin API shows instead of their values.</summary>
    public async Task<(bool ApiKey, bool WebhookSecret)> StatusAsync(string connectorId, CancellationToken cancellationToken) =>
        (await GetApiKeyAsync(connectorId, cancellationToken) is not null,
         await GetCachedAsync(ConnectorSecretNames.WebhookSecret(connectorId), cancellationToken) is not null);

    /// <summary>The secrets a webhook may be signed with now: the current one, and the previous one within the grace period.</summary>
    public async Task<IReadOnlyList<string>> GetWebhookSecretsAsync(Connector connector, CancellationToken cancellationToken)
    {
        var secrets = new List<string>(2);
        if (await GetCachedAsync(ConnectorSecretNames.WebhookSecret(connector.Id), cancellationToken) is { } current)
            secrets.Add(current);
        if (connector.WebhookSecretRotatedAt is { } rotated && time.GetUtcNow() - rotated < options.Value.SecretRotationGrace
            && await GetCachedAsync(ConnectorSecretNames.PreviousWebhookSecret(connector.Id), cancellationToken) is { } previous)
            secrets.Add(previous);
        return secrets;
    }

    private async Task SetCachedAsync(string name, string value, CancellationToken cancellationToken)
    {
        await store.SetAsync(name, value, cancellationToken);
        _cache[name] = (value, time.GetUtcNow() + CacheFor);
    }

    private async Task<string?> GetCachedAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Until > now)
            return cached.Value;
        var value = await store.GetAsync(name, cancellationToken);
        _cache[name] = (value, now + CacheFor);
        return value;
    }
}
