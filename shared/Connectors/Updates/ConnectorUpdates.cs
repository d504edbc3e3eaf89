using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors.Updates;

/// <summary>
/// Creating and replacing a connector's configuration. A new connector starts with the default plan mappings; a
/// replaced one keeps its plan mappings, when its webhook secret last changed, and when it was created. Its platform
/// never changes: a body naming another platform is refused. A create (<c>onlyIfNew</c>) refuses an id a connector has
/// with <see cref="OutcomeStatus.Conflict"/>, also when another request created it first.
/// </summary>
public sealed class ConnectorUpdates(ConnectorStore store, PlatformRegistry platforms, TimeProvider time)
{
    /// <summary>Why a create is refused, said of the connector id.</summary>
    public const string TakenId = "is taken by an existing connector: edit that one, or choose another id";

    /// <param name="connectorId">The connector's id.</param>
    /// <param name="input">The configuration; null when the caller could not read it (then <see cref="OutcomeStatus.Unreadable"/> once the id is checked).</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    /// <param name="onlyIfNew">Create only: a connector with this id is not replaced but refused (<see cref="OutcomeStatus.Conflict"/>).</param>
    /// <returns>The saved connector, <see cref="OutcomeStatus.Created"/> when it is new; or why not.</returns>
    public async Task<Outcome<Connector>> PutAsync(string connectorId, ConnectorInput? input, CancellationToken cancellationToken, bool onlyIfNew = false)
    {
        if (!ConnectorInput.IsValidConnectorId(connectorId))
            return Outcome<Connector>.Invalid("connectorId", "must be 3-50 lowercase letters, digits or dashes, starting and ending with a letter or digit");
        if (input is null)
            return Outcome<Connector>.Unreadable();
        var errors = input.Validate(platforms);
        if (errors.Count > 0)
            return Outcome<Connector>.Invalid(errors);

        return await OptimisticConcurrency.RunAsync(async ct =>
        {
            var existing = await store.GetAsync(connectorId, ct);
            if (existing is not null && onlyIfNew)
                return Outcome<Connector>.Conflict($"Connector id '{connectorId}' {TakenId}.");
            if (existing is not null && !string.Equals(existing.Platform, input.Platform, StringComparison.Ordinal))
                return Outcome<Connector>.Invalid("platform", $"cannot change from \"{existing.Platform}\"; create a new connector instead");
            var saved = await store.SaveAsync(input.ToConnector(connectorId, existing, time.GetUtcNow(), platforms), ct);
            return existing is null ? Outcome<Connector>.Created(saved) : Outcome<Connector>.Done(saved);
        }, time, cancellationToken);
    }
}
