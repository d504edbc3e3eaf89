using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>Acme's section of a connector's view (its site), and its badge on a member's.</summary>
public sealed class AcmeViews(AcmeDirectory directory) : IPlatformViews
{
    public const string BadgeProperty = "acmeBadge";

    public Task<object?> ConnectorSectionAsync(Connector connector, CancellationToken cancellationToken) =>
        Task.FromResult<object?>(AcmeSettings.Of(connector) is { } settings ? new { siteCode = settings.SiteCode } : null);

    public IReadOnlyList<string> MemberProperties => [BadgeProperty];

    public Task<IReadOnlyDictionary<string, object?>> MemberPropertiesAsync(Connector connector, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?>
        {
            [BadgeProperty] = directory.Find(AcmeSettings.Of(connector)!.SiteCode)?.Member(memberId)?.Badge,
        });
}
