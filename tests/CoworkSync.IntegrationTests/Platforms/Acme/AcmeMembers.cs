using System.Runtime.CompilerServices;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>Acme's members and plans, read from its directory; without a signing key nothing is read (its credential).</summary>
public sealed class AcmeMembers(AcmeDirectory directory, ConnectorSecrets secrets) : IPlatformMembers
{
    public async IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, SyncNotes notes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var site = await SiteAsync(connector, cancellationToken);
        foreach (var member in site.Members)
            yield return member.ToPlatformMember(site);
    }

    public async Task<PlatformCheck> CheckAsync(Connector connector, CancellationToken cancellationToken)
    {
        try
        {
            var site = await SiteAsync(connector, cancellationToken);
            return new PlatformCheck(true, $"Acme site {site.Code} has {site.Plans.Count} plan(s).", site.Plans);
        }
        catch (Exception ex) when (ex is MissingCredentialsException or PlatformException)
        {
            return PlatformCheck.Failed(ex.Message);
        }
    }

    private async Task<AcmeSite> SiteAsync(Connector connector, CancellationToken cancellationToken)
    {
        if (!await secrets.IsSetAsync(AcmeSecrets.SigningKeyName(connector.Id), cancellationToken))
            throw new MissingCredentialsException(connector.Id);
        var code = AcmeSettings.Of(connector)!.SiteCode;
        return directory.Find(code) ?? throw new PlatformException($"Acme has no site {code}.", isTransient: false);
    }
}
