using CoworkSync.Connectors;
using CoworkSync.Members.Sync;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.Admin;

/// <summary>Builds <see cref="ConnectorView"/>s with what the secret store and, for Cobot, the connection state say.</summary>
public sealed class ConnectorViews(ConnectorSecrets secrets, CobotConnectionStore cobotStates, SyncRunStore runs)
{
    public async Task<object> ForAsync(Connector connector, CancellationToken cancellationToken)
    {
        var (apiKey, webhookSecret) = await secrets.StatusAsync(connector.Id, cancellationToken);
        var cobot = connector.Cobot is { } settings ? await CobotAsync(connector.Id, settings, cancellationToken) : null;
        return ConnectorView.From(connector, apiKey, webhookSecret, cobot);
    }

    /// <summary>
    /// The connection's state: <c>not connected</c> without a token; <c>syncing</c> while a run is queued or running;
    /// <c>error</c> with the reason Cobot gave (a 401: token revoked); otherwise <c>connected</c>.
    /// </summary>
    private async Task<object> CobotAsync(string connectorId, CobotConnectorSettings settings, CancellationToken cancellationToken)
    {
        var token = await secrets.GetAsync(ConnectorSecretNames.CobotAccessToken(connectorId), cancellationToken) is not null;
        var clientId = await secrets.GetAsync(ConnectorSecretNames.CobotClientId(connectorId), cancellationToken) is not null;
        var clientSecret = await secrets.GetAsync(ConnectorSecretNames.CobotClientSecret(connectorId), cancellationToken) is not null;
        var record = await cobotStates.GetAsync(connectorId, cancellationToken);
        var latest = (await runs.ListAsync(connectorId, 1, cancellationToken)).FirstOrDefault();
        var state = !token ? CobotConnectionStates.NotConnected
            : record?.State == CobotConnectionStates.Error ? CobotConnectionStates.Error
            : latest?.State is SyncRunState.Queued or SyncRunState.Running ? CobotConnectionStates.Syncing
            : CobotConnectionStates.Connected;
        return new
        {
            subdomain = settings.Subdomain,
            apiBaseUrl = settings.ApiBaseUrl.ToString().TrimEnd('/'),
            oauthBaseUrl = settings.OAuthBaseUrl.ToString().TrimEnd('/'),
            customFieldGroups = settings.CustomFieldGroups,
            customFieldLabel = settings.CustomFieldLabel,
            connection = new
            {
                state,
                reason = state == CobotConnectionStates.Error ? record?.Reason : null,
                since = record?.At,
                spaceId = record?.SpaceId,
                spaceOwnedToken = record?.SpaceOwnedToken ?? false,
            },
            secrets = new { clientId = Set(clientId), clientSecret = Set(clientSecret), accessToken = Set(token) },
        };
    }

    private static string Set(bool set) => set ? "set" : "missing";
}
