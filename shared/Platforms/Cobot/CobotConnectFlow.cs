using CoworkSync.Connectors;
using CoworkSync.Members.Sync;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The connection of a Cobot space: the authorize URL to send the admin to, the OAuth callback that finishes it, and
/// connecting with an access token an operator created at Cobot. Nothing is stored until every Cobot step succeeded:
/// (code → token,) the space's id (<c>GET {oauthBase}/api/spaces/{subdomain}</c>), a new token that belongs to the
/// space (so it survives the admin leaving), the webhook subscriptions; only then is the space's token stored and the
/// connection marked connected. When any step fails, storing included, what the attempt made is taken back: the token
/// it stored, the subscriptions it created, the callback token it created, the space's token it created and the token
/// the OAuth code gave (both revoked). An operator's own token is never revoked.
/// </summary>
public sealed partial class CobotConnectFlow(
    ConnectorStore connectors,
    ConnectorSecrets secrets,
    CobotOAuthState states,
    CobotCallbackUrls urls,
    CobotClient client,
    CobotSubscriptions subscriptions,
    CobotConnectionStore connections,
    SyncStarter syncs,
    TimeProvider time,
    ILogger<CobotConnectFlow> logger)
{
    /// <returns>
    /// The authorize URL, an absolute URI as RFC 3986 has it (every query value percent-encoded, the scopes joined by
    /// <c>%20</c>), or why the connector cannot be connected yet.
    /// </returns>
    public async Task<(string? Url, string? Problem)> AuthorizeUrlAsync(Connector connector, CancellationToken cancellationToken)
    {
        var settings = CobotConnections.Settings(connector);
        if (!urls.IsConfigured)
            return (null, "Cobot__PublicBaseUrl is not set: Cobot needs it to send the admin back.");
        var clientId = await secrets.GetAsync(CobotSecretNames.ClientId(connector.Id), cancellationToken);
        if (clientId is null || await secrets.GetAsync(CobotSecretNames.ClientSecret(connector.Id), cancellationToken) is null)
            return (null, $"Set the OAuth app's clientId and clientSecret first: PUT /api/admin/connectors/{connector.Id}/secrets.");
        var state = await states.CreateAsync(connector.Id, cancellationToken);
        (string Name, string Value)[] parameters =
        [
            ("response_type", "code"),
            ("client_id", clientId),
            ("redirect_uri", urls.RedirectUri.AbsoluteUri),
            ("state", state),
            ("scope", string.Join(' ', CobotEvents.Scopes)),
        ];
        // Kept as text: Uri.ToString() would decode the escapes again (a literal space in the scope list).
        var query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return (new Uri(settings.OAuthBaseUrl, "oauth/authorize").AbsoluteUri + "?" + query, null);
    }

    /// <returns>The connector connected, or what went wrong (for the page the admin sees).</returns>
    public async Task<(string? ConnectorId, string? Problem)> CompleteAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var (connectorId, problem) = await states.ConsumeAsync(state, cancellationToken);
        if (connectorId is null)
            return (null, problem);
        if (!string.IsNullOrEmpty(error))
            return (connectorId, $"Cobot did not grant access ({Shorten(error)}).");
        if (string.IsNullOrWhiteSpace(code))
            return (connectorId, "Cobot sent no authorization code.");
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        if (connector is null || CobotConnectorSettings.Of(connector) is not { } settings)
            return (connectorId, $"There is no Cobot connector '{connectorId}'.");
        var clientId = await secrets.GetAsync(CobotSecretNames.ClientId(connectorId), cancellationToken);
        var clientSecret = await secrets.GetAsync(CobotSecretNames.ClientSecret(connectorId), cancellationToken);
        if (clientId is null || clientSecret is null)
            return (connectorId, "The connector has no OAuth client id and secret.");

        string token;
        try
        {
            token = await client.ExchangeCodeAsync(settings.OAuthBaseUrl, clientId, clientSecret, code, urls.RedirectUri, cancellationToken);
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            LogFailed(ex, connectorId);
            return (connectorId, ex.Message);
        }
        if (await ConnectWithTokenAsync(connector, token, cancellationToken, revokeOnFailure: true) is { } failed)
            return (connectorId, failed);
        var run = await syncs.StartAsync(connectorId, SyncStarter.Manual, cancellationToken);
        LogConnected(connectorId, run.RunId);
        return (connectorId, null);
    }

    /// <summary>
    /// Connects the space with <paramref name="token"/>: reads the space's id, has Cobot create a token that belongs to
    /// the space, subscribes the webhooks with it (when Cobot__PublicBaseUrl is set; otherwise the syncs report it),
    /// then stores it. Any failure, a cancelled request included, takes back what the attempt made (with
    /// <see cref="CancellationToken.None"/>): the subscriptions and callback token it created, the access token it
    /// stored (the previous one is put back), the space's token it created (revoked) and, with
    /// <paramref name="revokeOnFailure"/>, <paramref name="token"/> itself.
    /// </summary>
    /// <param name="connector">The Cobot connector to connect.</param>
    /// <param name="token">The Cobot access token to connect with (never logged).</param>
    /// <param name="cancellationToken">Cancels the attempt (what it made is still taken back).</param>
    /// <param name="revokeOnFailure">The token was made for this attempt (the OAuth code's): revoke it if the attempt fails.</param>
    /// <returns>Null when connected; otherwise what Cobot refused. Any other failure is thrown after the taking back.</returns>
    public async Task<string?> ConnectWithTokenAsync(Connector connector, string token, CancellationToken cancellationToken, bool revokeOnFailure = false)
    {
        var settings = CobotConnections.Settings(connector);
        var accessTokenName = CobotSecretNames.AccessToken(connector.Id);
        var callbackTokenName = CobotSecretNames.CallbackToken(connector.Id);
        var hadCallbackToken = await secrets.GetAsync(callbackTokenName, cancellationToken) is not null;
        var previousToken = await secrets.GetAsync(accessTokenName, cancellationToken);
        var created = new List<CobotSubscription>();
        string? spaceToken = null;
        var storing = false;
        try
        {
            var space = await client.GetSpaceAsync(settings.OAuthBaseUrl, settings.Subdomain, token, cancellationToken);
            if (string.IsNullOrEmpty(space.Id))
                throw new CobotPayloadException($"Cobot's answer about space {settings.Subdomain} has no id.");
            spaceToken = await client.CreateSpaceTokenAsync(settings.OAuthBaseUrl, token, space.Id, cancellationToken);
            if (urls.IsConfigured)
                await subscriptions.EnsureAsync(connector, new CobotConnection(settings.ApiBaseUrl, spaceToken), cancellationToken, created);

            storing = true;
            await secrets.SetAsync(accessTokenName, spaceToken, cancellationToken);
            await connections.SaveAsync(connector.Id, new CobotConnectionRecord(CobotConnectionStates.Connected, null, time.GetUtcNow(), space.Id, SpaceOwnedToken: true), cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            LogFailed(ex, connector.Id);
            if (storing)
            {
                await UndoAsync(connector.Id, "the stored access token", () => previousToken is null
                    ? secrets.DeleteAsync(accessTokenName, CancellationToken.None)
                    : secrets.SetAsync(accessTokenName, previousToken, CancellationToken.None));
            }
            var connection = new CobotConnection(settings.ApiBaseUrl, spaceToken ?? token);
            foreach (var subscription in created)
                await UndoAsync(connector.Id, $"subscription {subscription.Event}", () => client.DeleteSubscriptionAsync(connection, subscription, CancellationToken.None));
            if (!hadCallbackToken)
                await UndoAsync(connector.Id, "the callback token", () => secrets.DeleteAsync(callbackTokenName, CancellationToken.None));
            if (spaceToken is not null && spaceToken != token)
                await UndoAsync(connector.Id, "the space's access token", () => client.RevokeTokenAsync(settings.OAuthBaseUrl, spaceToken, CancellationToken.None));
            if (revokeOnFailure)
                await UndoAsync(connector.Id, "the access token", () => client.RevokeTokenAsync(settings.OAuthBaseUrl, token, CancellationToken.None));
            if (ex is CobotApiException or CobotPayloadException)
                return ex.Message;
            throw;
        }
    }

    /// <summary>One step of taking back a failed attempt: best effort, since the attempt has failed already.</summary>
    private async Task UndoAsync(string connectorId, string what, Func<Task> undo)
    {
        try
        {
            await undo();
        }
        catch (Exception ex)
        {
            LogUndoFailed(ex, what, connectorId);
        }
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] : text;

    [LoggerMessage(EventId = 1110, EventName = "CobotConnected", Level = LogLevel.Information, Message = "Cobot connector {ConnectorId} connected; first sync run {RunId}")]
    private partial void LogConnected(string connectorId, string runId);

    [LoggerMessage(EventId = 1111, EventName = "CobotConnectFailed", Level = LogLevel.Warning, Message = "Connecting Cobot connector {ConnectorId} failed; what the attempt made is taken back")]
    private partial void LogFailed(Exception exception, string connectorId);

    [LoggerMessage(EventId = 1112, EventName = "CobotConnectUndoFailed", Level = LogLevel.Warning, Message = "Could not take back {What} after connecting Cobot connector {ConnectorId} failed")]
    private partial void LogUndoFailed(Exception exception, string what, string connectorId);
}
