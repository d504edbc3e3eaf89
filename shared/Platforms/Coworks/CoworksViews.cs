using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Coworks' section of the connector view: the API base URL (without its final <c>/</c>) and the space id.</summary>
public sealed class CoworksViews : IPlatformViews
{
    public Task<object?> ConnectorSectionAsync(Connector connector, CancellationToken cancellationToken) =>
        Task.FromResult<object?>(CoworksConnectorSettings.Of(connector) is { } settings
            ? new CoworksConnectorView(settings.ApiBaseUrl.ToString().TrimEnd('/'), settings.SpaceId)
            : null);
}

/// <summary>The <c>coworks</c> section of a Coworks connector's view.</summary>
/// <param name="ApiBaseUrl">The Coworks API's base URL, without its final <c>/</c>.</param>
/// <param name="SpaceId">The Coworks space.</param>
public sealed record CoworksConnectorView(string ApiBaseUrl, string SpaceId);
