namespace CoworkSync.Connectors.Updates;

/// <summary>What setting a connector's secrets did: the connector as saved, and which of its platform's secrets were set (names, never values).</summary>
/// <param name="Connector">The connector, with when each secret was set.</param>
/// <param name="Set">The names of the secrets the body set, in the platform's order.</param>
/// <param name="WebhookSecretRotated">A new webhook secret was set: the previous one stays valid for the grace period.</param>
public sealed record SecretsUpdate(Connector Connector, IReadOnlyList<string> Set, bool WebhookSecretRotated);
