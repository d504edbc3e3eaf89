using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors.Updates;

/// <summary>
/// Setting a connector's secrets (<c>PUT …/secrets</c>): its platform says which it takes and stores them; when a new
/// webhook secret was set, the connector records when, so the previous one stays valid for the grace period.
/// </summary>
public sealed class ConnectorSecretUpdates(ConnectorStore store, PlatformRegistry platforms, TimeProvider time)
{
    /// <param name="connectorId">The connector whose secrets are set.</param>
    /// <param name="body">The secrets, a JSON object of the platform's fields; null when the caller could not read it (then <see cref="OutcomeStatus.Unreadable"/> once the connector is found).</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <returns>Done (nothing to show: values are never echoed); or why nothing was stored.</returns>
    public async Task<Outcome<Connector>> PutAsync(string connectorId, JsonElement? body, CancellationToken cancellationToken)
    {
        var connector = await store.GetAsync(connectorId, cancellationToken);
        if (connector is null)
            return Outcome<Connector>.NotFound($"There is no connector '{connectorId}'.");
        if (body is not { } secrets)
            return Outcome<Connector>.Unreadable();
        if (secrets.ValueKind != JsonValueKind.Object)
            return Outcome<Connector>.Invalid("body", secrets.ValueKind == JsonValueKind.Null ? "must be a JSON object" : "is not valid JSON of the expected shape");
        foreach (var platform in platforms.All)
        {
            if (platform.Secrets.Malformed(secrets) is { } malformed)
                return Outcome<Connector>.Invalid([malformed]);
        }

        var change = await platforms.For(connector).Secrets.ApplyAsync(connector, secrets, cancellationToken);
        if (change.Errors.Count > 0)
            return Outcome<Connector>.Invalid(change.Errors);
        if (!change.WebhookSecretRotated)
            return Outcome<Connector>.Done(connector);

        var rotated = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await store.GetAsync(connectorId, ct);
            return current is null ? null : await store.SaveAsync(current with { WebhookSecretRotatedAt = time.GetUtcNow() }, ct);
        }, time, cancellationToken);
        return Outcome<Connector>.Done(rotated ?? connector);
    }
}
