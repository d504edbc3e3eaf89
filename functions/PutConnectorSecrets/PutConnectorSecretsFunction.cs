using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Platforms.Cobot;
using CoworkSync.State.Tables;
using CoworkSync.Validation;

namespace CoworkSync.Functions.PutConnectorSecrets;

/// <summary>
/// <c>PUT /api/admin/connectors/{connectorId}/secrets</c>: <c>{"apiKey":"…","webhookSecret":"…"}</c> (either or both) into the
/// secret store; 204, never echoed. A new webhook secret keeps the previous one valid for the grace period.
/// </summary>
public static class PutConnectorSecretsFunction
{
    public const string FunctionName = "PutConnectorSecrets";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}/secrets", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private sealed record SecretsInput(
        [property: JsonPropertyName("apiKey")] string? ApiKey,
        [property: JsonPropertyName("webhookSecret")] string? WebhookSecret,
        [property: JsonPropertyName("clientId")] string? ClientId = null,
        [property: JsonPropertyName("clientSecret")] string? ClientSecret = null,
        [property: JsonPropertyName("accessToken")] string? AccessToken = null);

    private static async Task<IResult> PutAsync(
        string connectorId, HttpRequest request, ConnectorStore store, ConnectorSecrets secrets, CobotConnectFlow cobot, TimeProvider time, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(connectorId, cancellationToken);
        if (existing is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var (input, problem) = await AdminJson.ReadAsync<SecretsInput>(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (existing.Platform == PlatformNames.Cobot)
            return await PutCobotAsync(existing, input!, secrets, cobot, cancellationToken);
        var errors = new List<ValidationError>();
        if (input!.ApiKey is null && input.WebhookSecret is null)
            errors.Add(new("body", "must set apiKey, webhookSecret or both"));
        if (input.ApiKey is { } key && (string.IsNullOrWhiteSpace(key) || key.Length > 4096))
            errors.Add(new("apiKey", "must be non-empty and at most 4096 characters"));
        if (input.WebhookSecret is { } secret && (secret.Length < 16 || secret.Length > 4096))
            errors.Add(new("webhookSecret", "must be 16 to 4096 characters"));
        if (errors.Count > 0)
            return AdminProblems.Invalid(errors);

        var rotated = await secrets.SetAsync(connectorId, input.ApiKey, input.WebhookSecret, cancellationToken);
        if (rotated)
        {
            await OptimisticConcurrency.RunAsync(async ct =>
            {
                var connector = await store.GetAsync(connectorId, ct);
                return connector is null ? null : await store.SaveAsync(connector with { WebhookSecretRotatedAt = time.GetUtcNow() }, ct);
            }, time, cancellationToken);
        }
        return Results.NoContent();
    }

    /// <summary>
    /// Cobot: the OAuth app's <c>clientId</c> and <c>clientSecret</c> (both, for <c>GET /api/connect/cobot/{id}</c>), or an
    /// <c>accessToken</c> created at Cobot, which connects the space at once as the OAuth callback does (made
    /// space-owned, webhooks subscribed); a token Cobot refuses is answered 400 and not stored.
    /// </summary>
    private static async Task<IResult> PutCobotAsync(
        Connector connector, SecretsInput input, ConnectorSecrets secrets, CobotConnectFlow cobot, CancellationToken cancellationToken)
    {
        var connectorId = connector.Id;
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
        if (errors.Count > 0)
            return AdminProblems.Invalid(errors);

        if (input.AccessToken is not null && await cobot.ConnectWithTokenAsync(connector, input.AccessToken.Trim(), cancellationToken) is { } refused)
            return AdminProblems.Invalid([new("accessToken", $"Cobot did not accept it: {refused}")]);
        if (input.ClientId is not null)
        {
            await secrets.SetAsync(ConnectorSecretNames.CobotClientId(connectorId), input.ClientId.Trim(), cancellationToken);
            await secrets.SetAsync(ConnectorSecretNames.CobotClientSecret(connectorId), input.ClientSecret!.Trim(), cancellationToken);
        }
        return Results.NoContent();
    }
}
