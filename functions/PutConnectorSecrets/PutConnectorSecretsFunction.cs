using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Storage;

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
        [property: JsonPropertyName("webhookSecret")] string? WebhookSecret);

    private static async Task<IResult> PutAsync(
        string connectorId, HttpRequest request, ConnectorStore store, ConnectorSecrets secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(connectorId, cancellationToken) is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var (input, problem) = await AdminJson.ReadAsync<SecretsInput>(request, cancellationToken);
        if (problem is not null)
            return problem;
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
            }, cancellationToken);
        }
        return Results.NoContent();
    }
}
