using System.Security.Cryptography;
using CoworkSync.Connectors;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The URLs Cobot calls back: the OAuth redirect and a connector's webhook URL, both under
/// <see cref="CobotClientOptions.PublicBaseUrl"/>. The webhook URL carries the connector's callback token: 32 random
/// bytes, created once and kept in the secret store.
/// </summary>
public sealed class CobotCallbackUrls(ConnectorSecrets secrets, IOptions<CobotClientOptions> options)
{
    public const string RedirectPath = "api/auth/cobot_admin/callback";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    public Uri RedirectUri => new(PublicBase, RedirectPath);

    public async Task<Uri> WebhookUrlAsync(string connectorId, CancellationToken cancellationToken) =>
        new(PublicBase, $"api/webhooks/cobot/{connectorId}/{await CallbackTokenAsync(connectorId, cancellationToken)}");

    /// <summary>The connector's callback token, created on first use.</summary>
    public async Task<string> CallbackTokenAsync(string connectorId, CancellationToken cancellationToken)
    {
        var name = CobotSecretNames.CallbackToken(connectorId);
        if (await secrets.GetAsync(name, cancellationToken) is { Length: > 0 } token)
            return token;
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await secrets.SetAsync(name, token, cancellationToken);
        return token;
    }

    private Uri PublicBase => IsConfigured
        ? new Uri(options.Value.PublicBaseUrl!.TrimEnd('/') + "/")
        : throw new InvalidOperationException("Set 'Cobot__PublicBaseUrl' (this app's public URL): Cobot's OAuth redirect and webhooks need it.");
}
