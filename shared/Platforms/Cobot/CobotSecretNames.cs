using CoworkSync.Connectors;

namespace CoworkSync.Platforms.Cobot;

/// <summary>Where a Cobot connector's secrets, and the deployment's OAuth state key, live in the secret store.</summary>
public static class CobotSecretNames
{
    /// <summary>The Cobot OAuth app's client id (the connector's own, or set with the client secret).</summary>
    public static string ClientId(string connectorId) => ConnectorSecretNames.For(connectorId, "cobot-client-id");

    public static string ClientSecret(string connectorId) => ConnectorSecretNames.For(connectorId, "cobot-client-secret");

    /// <summary>The Cobot access token: from the OAuth callback (then made space-owned) or set by an operator.</summary>
    public static string AccessToken(string connectorId) => ConnectorSecretNames.For(connectorId, "cobot-access-token");

    /// <summary>The unguessable token in the connector's Cobot webhook URLs.</summary>
    public static string CallbackToken(string connectorId) => ConnectorSecretNames.For(connectorId, "cobot-callback-token");

    /// <summary>The client id of the deployment's app for members signing in to the portal (scope <c>read_user</c>).</summary>
    public const string SignInClientId = "cobot-sign-in-client-id";

    /// <summary>That app's client secret.</summary>
    public const string SignInClientSecret = "cobot-sign-in-client-secret";

    /// <summary>The key that signs OAuth <c>state</c> values (one per deployment).</summary>
    public const string OAuthStateKey = "oauth-state-key";
}
