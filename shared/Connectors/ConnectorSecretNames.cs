namespace CoworkSync.Connectors;

/// <summary>Where a connector's secrets live in the secret store. Connector ids are validated to fit Key Vault names.</summary>
public static class ConnectorSecretNames
{
    public static string ApiKey(string connectorId) => $"connector-{connectorId}-api-key";

    public static string WebhookSecret(string connectorId) => $"connector-{connectorId}-webhook-secret";

    public static string PreviousWebhookSecret(string connectorId) => $"connector-{connectorId}-webhook-secret-previous";

    /// <summary>The Cobot OAuth app's client id (the connector's own, or set with the client secret).</summary>
    public static string CobotClientId(string connectorId) => $"connector-{connectorId}-cobot-client-id";

    public static string CobotClientSecret(string connectorId) => $"connector-{connectorId}-cobot-client-secret";

    /// <summary>The Cobot access token: from the OAuth callback (then made space-owned) or set by an operator.</summary>
    public static string CobotAccessToken(string connectorId) => $"connector-{connectorId}-cobot-access-token";

    /// <summary>The unguessable token in the connector's Cobot webhook URLs.</summary>
    public static string CobotCallbackToken(string connectorId) => $"connector-{connectorId}-cobot-callback-token";

    /// <summary>The key that signs OAuth <c>state</c> values (one per deployment).</summary>
    public const string OAuthStateKey = "oauth-state-key";
}
