using CoworkSync.Administration.Audit;
using CoworkSync.Connectors;
using CoworkSync.Members.Sync;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.SyncRuns;

/// <summary>Starting a sync now (recorded in the audit log), and the latest runs.</summary>
public sealed class SyncRunAdministration(ConnectorStore connectors, SyncStarter starter, SyncRunStore runs, AuditLog audit, TimeProvider time)
{
    public const int DefaultListed = 20;
    public const int MaxListed = 200;

    /// <summary>Queues a full sync of the connector now; the run as queued.</summary>
    public async Task<Outcome<SyncRunView>> StartAsync(string connectorId, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return Outcome<SyncRunView>.NotFound($"There is no connector '{connectorId}'.");
        var run = await starter.StartAsync(connectorId, SyncStarter.Manual, cancellationToken);
        await audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.Connectors,
            Action = AuditActions.SyncStarted,
            Target = connectorId,
            ConnectorId = connectorId,
            Summary = $"Started a sync of connector {connectorId} (run {run.RunId}).",
        }, cancellationToken);
        return Outcome<SyncRunView>.Done(SyncRunView.From(run));
    }

    /// <summary>The latest runs, newest first: <paramref name="max"/> of them (1 to <see cref="MaxListed"/>, <see cref="DefaultListed"/> unless given).</summary>
    public async Task<Outcome<IReadOnlyList<SyncRunView>>> ListAsync(string connectorId, int? max, CancellationToken cancellationToken)
    {
        if (max is < 1 or > MaxListed)
            return Outcome<IReadOnlyList<SyncRunView>>.Invalid("max", $"must be between 1 and {MaxListed}");
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return Outcome<IReadOnlyList<SyncRunView>>.NotFound($"There is no connector '{connectorId}'.");
        return Outcome<IReadOnlyList<SyncRunView>>.Done([.. (await runs.ListAsync(connectorId, max ?? DefaultListed, cancellationToken)).Select(SyncRunView.From)]);
    }
}
