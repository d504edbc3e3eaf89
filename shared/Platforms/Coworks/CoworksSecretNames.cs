using CoworkSync.Connectors;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Where a Coworks connector's secrets live in the secret store.</summary>
public static class CoworksSecretNames
{
    public static string ApiKey(string connectorId) => ConnectorSecretNames.For(connectorId, "api-key");

    public static string WebhookSecret(string connectorId) => ConnectorSecretNames.For(connectorId, "webhook-secret");

    /// <summary>The webhook secret before the last change, valid for the grace period after it.</summary>
    public static string PreviousWebhookSecret(string connectorId) => ConnectorSecretNames.For(connectorId, "webhook-secret-previous");
}
