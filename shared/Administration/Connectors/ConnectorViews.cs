using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Administration.Connectors;

/// <summary>Builds <see cref="ConnectorView"/>s: the secret status and the platform's section come from the connector's platform.</summary>
public sealed class ConnectorViews(PlatformRegistry platforms)
{
    public async Task<ConnectorView> ForAsync(Connector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var platform = platforms.Find(connector.Platform);
        var secrets = platform is null ? [] : await platform.Secrets.StatusAsync(connector, cancellationToken);
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var each in platforms.All)
            sections[each.Name] = each == platform ? await each.Views.ConnectorSectionAsync(connector, cancellationToken) : null;
        return new ConnectorView(
            connector.Id,
            connector.Platform,
            connector.DisplayName,
            [.. connector.Locations.Select(LocationView.From)],
            SettingsView.From(connector.Settings),
            secrets.ToDictionary(s => s.Name, s => s.Set ? "set" : "missing", StringComparer.Ordinal),
            connector.WebhookSecretRotatedAt,
            connector.CreatedAt,
            connector.UpdatedAt)
        {
            PlatformSections = sections,
        };
    }
}
