using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A Cobot connector's secrets: the OAuth app's <c>clientId</c> and <c>clientSecret</c> (both, for
/// <c>GET /api/connect/cobot/{id}</c>), or an <c>accessToken</c> created at Cobot, which connects the space at once as the
/// OAuth callback does (made space-owned, webhooks subscribed); a token Cobot refuses is refused and not stored.
/// </summary>
public sealed class CobotSecrets(ConnectorSecrets secrets, CobotConnectFlow flow) : IPlatformSecrets
{
    public ValidationError? Malformed(JsonElement body)
    {
        PlatformJson.Read<Input>(body, "", out var malformed);
        return malformed;
    }

    public async Task<SecretsChange> ApplyAsync(Connector connector, JsonElement body, CancellationToken cancellationToken)
    {
        var input = PlatformJson.Read<Input>(body, "", out _) ?? new Input();
        var errors = Validate(input);
        if (errors.Count > 0)
            return SecretsChange.Refused(errors);

        if (input.AccessToken is not null && await flow.ConnectWithTokenAsync(connector, input.AccessToken.Trim(), cancellationToken) is { } refused)
            return SecretsChange.Refused([new("accessToken", $"Cobot did not accept it: {refused}")]);
        if (input.ClientId is not null)
        {
            await secrets.SetAsync(CobotSecretNames.ClientId(connector.Id), input.ClientId.Trim(), cancellationToken);
            await secrets.SetAsync(CobotSecretNames.ClientSecret(connector.Id), input.ClientSecret!.Trim(), cancellationToken);
        }
        return SecretsChange.Applied();
    }

    /// <summary>
    /// The two secrets every connector view lists, <c>apiKey</c> and <c>webhookSecret</c>, are never a Cobot
    /// connector's (its body refuses them): always missing. Its own are in its section (<see cref="CobotViews"/>).
    /// </summary>
    public Task<IReadOnlyList<SecretState>> StatusAsync(Connector connector, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SecretState>>([new("apiKey", false), new("webhookSecret", false)]);

    public IReadOnlyList<PlatformSecretField> Fields { get; } =
    [
        new("clientId", "OAuth client id", "The client id of the OAuth app registered at Cobot for the connect button.", OAuthGroup),
        new("clientSecret", "OAuth client secret", "That OAuth app's client secret.", OAuthGroup),
        new("accessToken", "Access token",
            "A token created at Cobot: connects the space at once, as the connect button does (webhooks subscribed, a token of the space's own kept)."),
    ];

    public async Task<IReadOnlyDictionary<string, bool>> FieldsSetAsync(Connector connector, CancellationToken cancellationToken) =>
        new Dictionary<string, bool>
        {
            ["clientId"] = await secrets.IsSetAsync(CobotSecretNames.ClientId(connector.Id), cancellationToken),
            ["clientSecret"] = await secrets.IsSetAsync(CobotSecretNames.ClientSecret(connector.Id), cancellationToken),
            ["accessToken"] = await secrets.IsSetAsync(CobotSecretNames.AccessToken(connector.Id), cancellationToken),
        };

    private const string OAuthGroup = "oauth";

    /// <summary>The client id and secret together, or an access token, or both; each at most 4096 characters; no API key or webhook secret.</summary>
    public static IReadOnlyList<ValidationError> Validate(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.ClientId is null && input.ClientSecret is null && input.AccessToken is null)
            errors.Add(new("body", "must set clientId and clientSecret, or accessToken"));
        if ((input.ClientId is null) != (input.ClientSecret is null))
            errors.Add(new(input.ClientId is null ? "clientId" : "clientSecret", "must be set together with the other"));
        foreach (var (field, value) in new[] { ("clientId", input.ClientId), ("clientSecret", input.ClientSecret), ("accessToken", input.AccessToken) })
        {
            if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > 4096))
                errors.Add(new(field, "must be non-empty and at most 4096 characters"));
        }
        if (input.ApiKey is not null || input.WebhookSecret is not null)
            errors.Add(new(input.ApiKey is not null ? "apiKey" : "webhookSecret", "is not used by a Cobot connector (its webhooks carry a token in their URL)"));
        return errors;
    }

    /// <summary>A secrets body as a Cobot connector reads it.</summary>
    /// <param name="ClientId">The OAuth app's client id.</param>
    /// <param name="ClientSecret">The OAuth app's client secret.</param>
    /// <param name="AccessToken">A token created at Cobot, to connect with.</param>
    /// <param name="ApiKey">Refused: a Cobot connector has no API key.</param>
    /// <param name="WebhookSecret">Refused: Cobot's webhooks carry a token in their URL.</param>
    public sealed record Input(
        [property: JsonPropertyName("clientId")] string? ClientId = null,
        [property: JsonPropertyName("clientSecret")] string? ClientSecret = null,
        [property: JsonPropertyName("accessToken")] string? AccessToken = null,
        [property: JsonPropertyName("apiKey")] string? ApiKey = null,
        [property: JsonPropertyName("webhookSecret")] string? WebhookSecret = null);
}
