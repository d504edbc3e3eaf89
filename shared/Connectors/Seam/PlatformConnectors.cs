namespace CoworkSync.Connectors.Seam;

/// <summary>Finds the platform implementation of a connector.</summary>
public sealed class PlatformConnectors(IEnumerable<IPlatformConnector> platforms)
{
    private readonly Dictionary<string, IPlatformConnector> _byPlatform = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">No implementation serves the connector's platform.</exception>
    public IPlatformConnector For(Connector connector) =>
        _byPlatform.TryGetValue(connector.Platform, out var platform)
            ? platform
            : throw new InvalidOperationException($"No platform implementation serves '{connector.Platform}'.");
}
