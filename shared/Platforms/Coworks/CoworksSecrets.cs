using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A Coworks connector's secrets: <c>{"apiKey":"…","webhookSecret":"…"}</c>, either or both. A new webhook secret keeps
/// the previous one valid for the grace period (<see cref="CoworksCredentials"/>).
/// </summary>
public sealed class CoworksSecrets(CoworksCredentials credentials) : IPlatformSecrets
{
    public ValidationError? Malformed(JsonElement body)
    {
        PlatformJson.Read<Input>(body, "", out var malformed);
        return malformed;
    }

    public async Task<SecretsChange> ApplyAsync(Connector connector, JsonElement body, CancellationToken cancellationToken)
    {
        var input = PlatformJson.Read<Input>(body, "", out _) ?? new Input(null, null);
        var errors = Validate(input);
        if (errors.Count > 0)
            return SecretsChange.Refused(errors);
        return SecretsChange.Applied(await credentials.SetAsync(connector.Id, input.ApiKey, input.WebhookSecret, cancellationToken));
    }

    public async Task<IReadOnlyList<SecretState>> StatusAsync(Connector connector, CancellationToken cancellationToken)
    {
        var (apiKey, webhookSecret) = await credentials.StatusAsync(connector.Id, cancellationToken);
        return [new("apiKey", apiKey), new("webhookSecret", webhookSecret)];
    }

    public IReadOnlyList<PlatformSecretField> Fields { get; } =
    [
        new("apiKey", "API key", "The space's Coworks API key, from the Coworks admin's API settings."),
        new("webhookSecret", "Webhook signing secret",
            "The secret Coworks signs webhooks with, 16 characters or more; after a change the previous one stays valid for 24 hours."),
    ];

    public async Task<IReadOnlyDictionary<string, bool>> FieldsSetAsync(Connector connector, CancellationToken cancellationToken)
    {
        var (apiKey, webhookSecret) = await credentials.StatusAsync(connector.Id, cancellationToken);
        return new Dictionary<string, bool> { ["apiKey"] = apiKey, ["webhookSecret"] = webhookSecret };
    }

    /// <summary>At least one of the two; an API key of at most 4096 characters; a webhook secret of 16 to 4096.</summary>
    public static IReadOnlyList<ValidationError> Validate(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.ApiKey is null && input.WebhookSecret is null)
            errors.Add(new("body", "must set apiKey, webhookSecret or both"));
        if (input.ApiKey is { } key && (string.IsNullOrWhiteSpace(key) || key.Length > 4096))
            errors.Add(new("apiKey", "must be non-empty and at most 4096 characters"));
        if (input.WebhookSecret is { } secret && (secret.Length < 16 || secret.Length > 4096))
            errors.Add(new("webhookSecret", "must be 16 to 4096 characters"));
        return errors;
    }

    /// <param name="ApiKey">The Coworks API key, or null to keep the one set.</param>
    /// <param name="WebhookSecret">The webhook signing secret, or null to keep the one set.</param>
    public sealed record Input(
        [property: JsonPropertyName("apiKey")] string? ApiKey,
        [property: JsonPropertyName("webhookSecret")] string? WebhookSecret);
}
