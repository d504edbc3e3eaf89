using CoworkSync.Connectors;

namespace CoworkSync.Platforms.Coworks;

/// <summary>A Coworks connector's settings (the <c>coworks</c> section, stored in the connector row's <c>Coworks</c> column).</summary>
/// <param name="ApiBaseUrl">The Coworks API's base URL, ending in <c>/</c>.</param>
/// <param name="SpaceId">The Coworks space the connector is for.</param>
public sealed record CoworksConnectorSettings(Uri ApiBaseUrl, string SpaceId)
{
    /// <summary>The settings of a Coworks connector; null when it is another platform's or has none.</summary>
    public static CoworksConnectorSettings? Of(Connector connector) =>
        connector.Platform == CoworksPlatform.PlatformName ? connector.PlatformSettings?.As<CoworksConnectorSettings>() : null;

    public PlatformSettings ToPlatformSettings() => PlatformSettings.From(this);
}
