namespace CoworkSync.Connectors.Seam;

/// <summary>The connector has no API key (or token) in the secret store yet.</summary>
public sealed class MissingCredentialsException(string connectorId)
    : Exception($"Connector '{connectorId}' has no API key: set it with PUT /api/admin/connectors/{connectorId}/secrets.");
