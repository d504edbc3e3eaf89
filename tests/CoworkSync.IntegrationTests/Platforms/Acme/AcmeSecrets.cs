using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>An Acme connector's one secret: <c>{"signingKey":"…"}</c>, at least 20 characters, which signs its webhooks.</summary>
public sealed class AcmeSecrets(ConnectorSecrets secrets) : IPlatformSecrets
{
    public static string SigningKeyName(string connectorId) => ConnectorSecretNames.For(connectorId, "acme-signing-key");

    public ValidationError? Malformed(JsonElement body)
    {
        PlatformJson.Read<Input>(body, "", out var malformed);
        return malformed;
    }

    public async Task<SecretsChange> ApplyAsync(Connector connector, JsonElement body, CancellationToken cancellationToken)
    {
        var input = PlatformJson.Read<Input>(body, "", out _);
        if (input?.SigningKey is not { Length: >= 20 } key)
            return SecretsChange.Refused([new("signingKey", "must be at least 20 characters")]);
        await secrets.SetAsync(SigningKeyName(connector.Id), key, cancellationToken);
        return SecretsChange.Applied();
    }

    public async Task<IReadOnlyList<SecretState>> StatusAsync(Connector connector, CancellationToken cancellationToken) =>
        [new("signingKey", await secrets.IsSetAsync(SigningKeyName(connector.Id), cancellationToken))];

    public IReadOnlyList<PlatformSecretField> Fields { get; } = [new("signingKey", "Signing key", "The key Acme signs webhooks with, 20 characters or more.")];

    public async Task<IReadOnlyDictionary<string, bool>> FieldsSetAsync(Connector connector, CancellationToken cancellationToken) =>
        new Dictionary<string, bool> { ["signingKey"] = await secrets.IsSetAsync(SigningKeyName(connector.Id), cancellationToken) };

    private sealed record Input([property: JsonPropertyName("signingKey")] string? SigningKey);
}
