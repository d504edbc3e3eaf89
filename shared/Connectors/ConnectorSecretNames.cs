namespace CoworkSync.Connectors;

/// <summary>Where a connector's secrets live in the secret store. Connector ids are validated to fit Key Vault names.</summary>
public static class ConnectorSecretNames
{
    public static string ApiKey(string connectorId) => $"connector-{connectorId}-api-key";

    public static string WebhookSecret(string connectorId) => $"connector-{connectorId}-webhook-secret";

    public static string PreviousWebhookSecret(string connectorId) => $"connector-{connectorId}-webhook-secret-previous";
}
