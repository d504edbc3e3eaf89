using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>Acme's part of the connector test: its signing key (<c>signingKey</c>), and last its site (<c>site</c>).</summary>
public sealed class AcmeChecks(ConnectorSecrets secrets, AcmeDirectory directory) : IPlatformChecks
{
    public async Task<ConnectorCheck> WebhooksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken)
    {
        var set = await secrets.IsSetAsync(AcmeSecrets.SigningKeyName(connector.Id), cancellationToken);
        return new("signingKey", set, set ? "set" : "not set: webhooks will be refused");
    }

    public Task<IReadOnlyList<ConnectorCheck>> OwnChecksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken)
    {
        var code = AcmeSettings.Of(connector)!.SiteCode;
        var site = directory.Find(code);
        return Task.FromResult<IReadOnlyList<ConnectorCheck>>([new("site", site is not null, site is null ? $"Acme has no site {code}" : $"site {code} has {site.Members.Count} member(s)")]);
    }
}
