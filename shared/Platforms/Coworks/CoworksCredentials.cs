using CoworkSync.Connectors;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A Coworks connector's API key and webhook secrets. Setting a new webhook secret keeps the previous one valid for a
/// grace period (<see cref="WebhookOptions.SecretRotationGrace"/>), so webhooks signed before Coworks picked up the new
/// secret still pass.
/// </summary>
public sealed class CoworksCredentials(ConnectorSecrets secrets, TimeProvider time, IOptions<WebhookOptions> options)
{
    /// <returns>True when the webhook secret changed, so the connector records when.</returns>
    public async Task<bool> SetAsync(string connectorId, string? apiKey, string? webhookSecret, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
            await secrets.SetAsync(CoworksSecretNames.ApiKey(connectorId), apiKey, cancellationToken);
        if (webhookSecret is null)
            return false;

        var current = await secrets.GetAsync(CoworksSecretNames.WebhookSecret(connectorId), cancellationToken);
        if (current == webhookSecret)
            return false;
        if (current is not null)
            await secrets.SetAsync(CoworksSecretNames.PreviousWebhookSecret(connectorId), current, cancellationToken);
        await secrets.SetAsync(CoworksSecretNames.WebhookSecret(connectorId), webhookSecret, cancellationToken);
        return true;
    }

    public Task<string?> GetApiKeyAsync(string connectorId, CancellationToken cancellationToken) =>
        secrets.GetAsync(CoworksSecretNames.ApiKey(connectorId), cancellationToken);

    /// <summary>Which secrets are set: what the admin API shows instead of their values.</summary>
    public async Task<(bool ApiKey, bool WebhookSecret)> StatusAsync(string connectorId, CancellationToken cancellationToken) =>
        (await secrets.IsSetAsync(CoworksSecretNames.ApiKey(connectorId), cancellationToken),
         await secrets.IsSetAsync(CoworksSecretNames.WebhookSecret(connectorId), cancellationToken));

    /// <summary>The secrets a webhook may be signed with now: the current one, and the previous one within the grace period.</summary>
    public async Task<IReadOnlyList<string>> GetWebhookSecretsAsync(Connector connector, CancellationToken cancellationToken)
    {
        var found = new List<string>(2);
        if (await secrets.GetAsync(CoworksSecretNames.WebhookSecret(connector.Id), cancellationToken) is { } current)
            found.Add(current);
        if (connector.WebhookSecretRotatedAt is { } rotated && time.GetUtcNow() - rotated < options.Value.SecretRotationGrace
            && await secrets.GetAsync(CoworksSecretNames.PreviousWebhookSecret(connector.Id), cancellationToken) is { } previous)
            found.Add(previous);
        return found;
    }
}
