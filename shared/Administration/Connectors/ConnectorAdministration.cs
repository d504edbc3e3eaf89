using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Updates;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Connectors;

/// <summary>What operators do with connectors (the admin API and the console alike): configure them, set their secrets and plan mappings, look at them.</summary>
public sealed class ConnectorAdministration(
    ConnectorStore store, ConnectorUpdates updates, ConnectorSecretUpdates secrets, PlanMappingUpdates mappings, ConnectorViews views)
{
    public async Task<Outcome<ConnectorView>> GetAsync(string connectorId, CancellationToken cancellationToken) =>
        await store.GetAsync(connectorId, cancellationToken) is { } connector
            ? Outcome<ConnectorView>.Done(await views.ForAsync(connector, cancellationToken))
            : Outcome<ConnectorView>.NotFound($"There is no connector '{connectorId}'.");

    public async Task<IReadOnlyList<ConnectorView>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<ConnectorView>();
        foreach (var connector in await store.ListAsync(cancellationToken))
            items.Add(await views.ForAsync(connector, cancellationToken));
        return items;
    }

    /// <summary>Creates (<see cref="OutcomeStatus.Created"/>) or replaces a connector's configuration (<see cref="ConnectorUpdates"/>).</summary>
    /// <param name="connectorId">The connector's id.</param>
    /// <param name="input">The configuration; null when the caller could not read it.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<Outcome<ConnectorView>> PutAsync(string connectorId, ConnectorInput? input, CancellationToken cancellationToken)
    {
        var saved = await updates.PutAsync(connectorId, input, cancellationToken);
        if (!saved.Succeeded)
            return saved.As<ConnectorView>();
        var view = await views.ForAsync(saved.Value!, cancellationToken);
        return saved.Status == OutcomeStatus.Created ? Outcome<ConnectorView>.Created(view) : Outcome<ConnectorView>.Done(view);
    }

    /// <summary>Sets the connector's secrets (<see cref="ConnectorSecretUpdates"/>); the outcome carries nothing to show.</summary>
    /// <param name="connectorId">The connector whose secrets are set.</param>
    /// <param name="body">The secrets as a JSON object; null when the caller could not read it.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    public async Task<Outcome<bool>> PutSecretsAsync(string connectorId, JsonElement? body, CancellationToken cancellationToken)
    {
        var done = await secrets.PutAsync(connectorId, body, cancellationToken);
        return done.Succeeded ? Outcome<bool>.Done(true) : done.As<bool>();
    }

    public async Task<Outcome<IReadOnlyList<PlanMappingView>>> GetPlanMappingsAsync(string connectorId, CancellationToken cancellationToken) =>
        await store.GetAsync(connectorId, cancellationToken) is { } connector
            ? Outcome<IReadOnlyList<PlanMappingView>>.Done(PlanMappingView.From(connector.PlanMappings))
            : Outcome<IReadOnlyList<PlanMappingView>>.NotFound($"There is no connector '{connectorId}'.");

    /// <summary>Replaces the plan mapping (<see cref="PlanMappingUpdates"/>).</summary>
    /// <param name="connectorId">The connector whose mapping is replaced.</param>
    /// <param name="input">The whole mapping; null when the caller could not read it.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<Outcome<IReadOnlyList<PlanMappingView>>> PutPlanMappingsAsync(string connectorId, IReadOnlyList<PlanMappingInput?>? input, CancellationToken cancellationToken)
    {
        var saved = await mappings.PutAsync(connectorId, input, cancellationToken);
        return saved.Succeeded ? Outcome<IReadOnlyList<PlanMappingView>>.Done(PlanMappingView.From(saved.Value!)) : saved.As<IReadOnlyList<PlanMappingView>>();
    }
}
