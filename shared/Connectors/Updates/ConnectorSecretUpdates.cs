using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors.Updates;

/// <summary>
/// Setting a connector's secrets (<c>PUT …/secrets</c>): its platform says which it takes and stores them; the connector
/// records when each was set and, when a new webhook secret was set, when it rotated, so the previous one stays valid
/// for the grace period.
/// </summary>
public sealed class ConnectorSecretUpdates(ConnectorStore store, PlatformRegistry platforms, TimeProvider time)
{
    /// <param name="connectorId">The connector whose secrets are set.</param>
    /// <param name="body">The secrets, a JSON object of the platform's fields; null when the caller could not read it (then <see cref="OutcomeStatus.Unreadable"/> once the connector is found).</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <returns>Which secrets were set (values are never echoed); or why nothing was stored.</returns>
    public async Task<Outcome<SecretsUpdate>> PutAsync(string connectorId, JsonElement? body, CancellationToken cancellationToken)
    {
        var connector = await store.GetAsync(connectorId, cancellationToken);
        if (connector is null)
            return Outcome<SecretsUpdate>.NotFound($"There is no connector '{connectorId}'.");
        if (body is not { } secrets)
            return Outcome<SecretsUpdate>.Unreadable();
        if (secrets.ValueKind != JsonValueKind.Object)
            return Outcome<SecretsUpdate>.Invalid("body", secrets.ValueKind == JsonValueKind.Null ? "must be a JSON object" : "is not valid JSON of the expected shape");
        foreach (var platform in platforms.All)
        {
            if (platform.Secrets.Malformed(secrets) is { } malformed)
                return Outcome<SecretsUpdate>.Invalid([malformed]);
        }

        var platformSecrets = platforms.For(connector).Secrets;
        var change = await platformSecrets.ApplyAsync(connector, secrets, cancellationToken);
        if (change.Errors.Count > 0)
            return Outcome<SecretsUpdate>.Invalid(change.Errors);

        var set = SetBy(platformSecrets.Fields, secrets);
        if (set.Count == 0 && !change.WebhookSecretRotated)
            return Outcome<SecretsUpdate>.Done(new SecretsUpdate(connector, set, false));
        var now = time.GetUtcNow();
        var saved = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await store.GetAsync(connectorId, ct);
            if (current is null)
                return null;
            var setAt = new Dictionary<string, DateTimeOffset>(current.SecretsSetAt, StringComparer.Ordinal);
            foreach (var name in set)
                setAt[name] = now;
            return await store.SaveAsync(current with
            {
                SecretsSetAt = setAt,
                WebhookSecretRotatedAt = change.WebhookSecretRotated ? now : current.WebhookSecretRotatedAt,
            }, ct);
        }, time, cancellationToken);
        return Outcome<SecretsUpdate>.Done(new SecretsUpdate(saved ?? connector, set, change.WebhookSecretRotated));
    }

    /// <summary>The platform's secrets the body gives a value (a property matched as the platforms read them, ignoring case, and not null).</summary>
    public static IReadOnlyList<string> SetBy(IReadOnlyList<PlatformSecretField> fields, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (body.ValueKind != JsonValueKind.Object)
            return [];
        var given = body.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. fields.Where(f => given.Contains(f.Name)).Select(f => f.Name)];
    }
}
