using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
namespace CoworkSync.Platforms.Cobot;

/// <summary>Builds a connector's <see cref="CobotConnection"/> from its settings and the token in the secret store.</summary>
public sealed class CobotConnections(ConnectorSecrets secrets)
{
    /// <exception cref="MissingCredentialsException">No token yet: the space is not connected.</exception>
    public async Task<CobotConnection> ForAsync(Connector connector, CancellationToken cancellationToken)
    {
        var settings = Settings(connector);
        var token = await secrets.GetAsync(CobotSecretNames.AccessToken(connector.Id), cancellationToken)
            ?? throw new MissingCredentialsException(connector.Id);
        return new CobotConnection(settings.ApiBaseUrl, token);
    }

    public static CobotConnectorSettings Settings(Connector connector) =>
        CobotConnectorSettings.Of(connector) ?? throw new InvalidOperationException($"Connector '{connector.Id}' has no Cobot settings.");
}
