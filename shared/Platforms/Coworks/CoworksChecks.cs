using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Coworks' part of the connector test: it signs its webhooks with a secret that must be set (<c>webhookSecret</c>).</summary>
public sealed class CoworksChecks(CoworksCredentials credentials) : IPlatformChecks
{
    public async Task<ConnectorCheck> WebhooksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken)
    {
        var (_, webhookSecretSet) = await credentials.StatusAsync(connector.Id, cancellationToken);
        return new("webhookSecret", webhookSecretSet, webhookSecretSet ? "set" : "not set: webhooks will be refused");
    }
}
