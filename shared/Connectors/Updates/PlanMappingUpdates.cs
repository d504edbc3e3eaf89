using CoworkSync.Access;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;

namespace CoworkSync.Connectors.Updates;

/// <summary>Replacing a connector's plan → access groups mapping; the next sync applies it to every member.</summary>
public sealed class PlanMappingUpdates(ConnectorStore store, AccessGroupStore groups, TimeProvider time)
{
    /// <param name="connectorId">The connector whose mapping is replaced.</param>
    /// <param name="input">The whole mapping; null when the caller could not read it.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    /// <returns>The mapping in force now; or why it was not replaced.</returns>
    public async Task<Outcome<IReadOnlyList<PlanMapping>>> PutAsync(string connectorId, IReadOnlyList<PlanMappingInput?>? input, CancellationToken cancellationToken)
    {
        if (input is null)
            return Outcome<IReadOnlyList<PlanMapping>>.Unreadable();
        var known = (await groups.ListAsync(cancellationToken)).Select(e => e.Group.Id).ToHashSet(StringComparer.Ordinal);
        var errors = PlanMappingInput.Validate(input, known);
        if (errors.Count > 0)
            return Outcome<IReadOnlyList<PlanMapping>>.Invalid(errors);
        var mappings = PlanMappingInput.ToMappings(input);

        var saved = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var connector = await store.GetAsync(connectorId, ct);
            return connector is null ? null : await store.SaveAsync(connector with { PlanMappings = mappings, UpdatedAt = time.GetUtcNow() }, ct);
        }, time, cancellationToken);
        return saved is null
            ? Outcome<IReadOnlyList<PlanMapping>>.NotFound($"There is no connector '{connectorId}'.")
            : Outcome<IReadOnlyList<PlanMapping>>.Done(saved.PlanMappings);
    }
}
