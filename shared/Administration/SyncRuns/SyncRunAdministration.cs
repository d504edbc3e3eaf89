using CoworkSync.Connectors;
using CoworkSync.Members.Sync;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.SyncRuns;

/// <summary>Starting a sync now, and the latest runs.</summary>
public sealed class SyncRunAdministration(ConnectorStore connectors, SyncStarter starter, SyncRunStore runs)
{
    public const int DefaultListed = 20;
    public const int MaxListed = 200;

    /// <summary>Queues a full sync of the connector now; the run as queued.</summary>
    public async Task<Outcome<SyncRunView>> StartAsync(string connectorId, CancellationToken cancellationToken)
    {
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return Outcome<SyncRunView>.NotFound($"There is no connector '{connectorId}'.");
        return Outcome<SyncRunView>.Done(SyncRunView.From(await starter.StartAsync(connectorId, SyncStarter.Manual, cancellationToken)));
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
