using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Sync;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's part of the admin views: the <c>cobot</c> section of a connector (its settings, the connection's state,
/// which of its secrets are set) and <c>cobotCheckIn</c> on a member (the last check-in, the last refusal).
/// </summary>
public sealed class CobotViews(ConnectorSecrets secrets, CobotConnectionStore connections, SyncRunStore runs, CobotCheckInStore checkIns) : IPlatformViews
{
    public const string CheckInProperty = "cobotCheckIn";

    /// <summary>
    /// The connection's state: <c>not connected</c> without a token; <c>error</c> with the reason Cobot gave (a 401:
    /// token revoked); <c>syncing</c> while a run is queued or running; otherwise <c>connected</c>.
    /// </summary>
    public async Task<object?> ConnectorSectionAsync(Connector connector, CancellationToken cancellationToken)
    {
        if (CobotConnectorSettings.Of(connector) is not { } settings)
            return null;
        var (connection, token) = await ConnectionAsync(connector, cancellationToken);
        var clientId = await secrets.IsSetAsync(CobotSecretNames.ClientId(connector.Id), cancellationToken);
        var clientSecret = await secrets.IsSetAsync(CobotSecretNames.ClientSecret(connector.Id), cancellationToken);
        return new CobotConnectorView(
            settings.Subdomain,
            settings.ApiBaseUrl.ToString().TrimEnd('/'),
            settings.OAuthBaseUrl.ToString().TrimEnd('/'),
            settings.CustomFieldGroups,
            settings.CustomFieldLabel,
            connection,
            new CobotSecretsView(Set(clientId), Set(clientSecret), Set(token)));
    }

    /// <summary>The connection's state; <c>not connected</c> and <c>error</c> keep members from being synced.</summary>
    public async Task<PlatformStatus?> StatusAsync(Connector connector, CancellationToken cancellationToken)
    {
        var (connection, _) = await ConnectionAsync(connector, cancellationToken);
        return new PlatformStatus(connection.State, connection.Reason,
            connection.State is CobotConnectionStates.NotConnected or CobotConnectionStates.Error);
    }

    /// <summary>
    /// The connection's state: <c>not connected</c> without a token; <c>error</c> with the reason Cobot gave (a 401:
    /// token revoked); <c>syncing</c> while a run is queued or running; otherwise <c>connected</c>.
    /// </summary>
    private async Task<(CobotConnectionView Connection, bool Token)> ConnectionAsync(Connector connector, CancellationToken cancellationToken)
    {
        var token = await secrets.IsSetAsync(CobotSecretNames.AccessToken(connector.Id), cancellationToken);
        var record = await connections.GetAsync(connector.Id, cancellationToken);
        var latest = (await runs.ListAsync(connector.Id, 1, cancellationToken)).FirstOrDefault();
        var state = !token ? CobotConnectionStates.NotConnected
            : record?.State == CobotConnectionStates.Error ? CobotConnectionStates.Error
            : latest?.State is SyncRunState.Queued or SyncRunState.Running ? CobotConnectionStates.Syncing
            : CobotConnectionStates.Connected;
        return (new CobotConnectionView(state, state == CobotConnectionStates.Error ? record?.Reason : null, record?.At, record?.SpaceId, record?.SpaceOwnedToken ?? false), token);
    }

    public IReadOnlyList<string> MemberProperties => [CheckInProperty];

    public async Task<IReadOnlyDictionary<string, object?>> MemberPropertiesAsync(Connector connector, string memberId, CancellationToken cancellationToken)
    {
        var record = await checkIns.GetAsync(connector.Id, memberId, cancellationToken);
        return new Dictionary<string, object?>
        {
            [CheckInProperty] = record is null ? null : new CobotCheckInView(record.LastCheckInOn, record.LastCheckInAt, record.LastError, record.LastErrorAt),
        };
    }

    private static string Set(bool set) => set ? "set" : "missing";
}

/// <summary>The <c>cobot</c> section of a Cobot connector's view.</summary>
/// <param name="Subdomain">The space's subdomain.</param>
/// <param name="ApiBaseUrl">The space's API origin, without its final <c>/</c>.</param>
/// <param name="OAuthBaseUrl">Cobot's OAuth origin, without its final <c>/</c>.</param>
/// <param name="CustomFieldGroups">Whether members' custom field adds access groups.</param>
/// <param name="CustomFieldLabel">That custom field's label.</param>
/// <param name="Connection">The connection's state.</param>
/// <param name="Secrets">Which of the connector's Cobot secrets are set.</param>
public sealed record CobotConnectorView(
    string Subdomain, string ApiBaseUrl, [property: JsonPropertyName("oauthBaseUrl")] string OAuthBaseUrl, bool CustomFieldGroups, string CustomFieldLabel, CobotConnectionView Connection, CobotSecretsView Secrets);

/// <param name="State"><c>not connected</c>, <c>connected</c>, <c>syncing</c> or <c>error</c>.</param>
/// <param name="Reason">Why it is in error (never a secret); null otherwise.</param>
/// <param name="Since">When the state was recorded.</param>
/// <param name="SpaceId">The Cobot space the token belongs to.</param>
/// <param name="SpaceOwnedToken">Whether the token is the space's (it outlives the admin who connected it).</param>
public sealed record CobotConnectionView(string State, string? Reason, DateTimeOffset? Since, string? SpaceId, bool SpaceOwnedToken);

/// <summary>Each of the connector's Cobot secrets as <c>set</c> or <c>missing</c>.</summary>
/// <param name="ClientId">The OAuth app's client id.</param>
/// <param name="ClientSecret">The OAuth app's client secret.</param>
/// <param name="AccessToken">The space's access token.</param>
public sealed record CobotSecretsView(string ClientId, string ClientSecret, string AccessToken);

/// <summary>A member's <c>cobotCheckIn</c>.</summary>
/// <param name="LastCheckInOn">The local day of the last check-in.</param>
/// <param name="LastCheckInAt">When it was made.</param>
/// <param name="LastError">What Cobot answered to the last refused check-in.</param>
/// <param name="LastErrorAt">When.</param>
public sealed record CobotCheckInView(DateOnly? LastCheckInOn, DateTimeOffset? LastCheckInAt, string? LastError, DateTimeOffset? LastErrorAt);
