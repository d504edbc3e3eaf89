namespace CoworkSync.Connectors;

/// <summary>Where a connector's secrets live in the secret store. Connector ids are validated to fit Key Vault names.</summary>
public static class ConnectorSecretNames
{
    /// <summary>The name of one of a connector's secrets: <c>connector-{connectorId}-{secret}</c>.</summary>
    /// <param name="connectorId">The connector the secret belongs to.</param>
    /// <param name="secret">Which secret, in lowercase letters, digits and dashes (<c>api-key</c>).</param>
    public static string For(string connectorId, string secret) => $"connector-{connectorId}-{secret}";
}
