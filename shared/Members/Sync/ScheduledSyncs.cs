using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Sync;

/// <summary>
/// What the poll timers share: which connectors of a platform are due for a scheduled sync (the last run was queued at
/// least their <c>syncIntervalMinutes</c> ago and is not still going, see <see cref="SyncStarter.IsDue"/>), and
/// queueing their syncs: one timer tick, one batch of sync events.
/// </summary>
public sealed partial class ScheduledSyncs(ConnectorStore connectors, SyncRunStore runs, SyncStarter starter, TimeProvider time, ILogger<ScheduledSyncs> logger)
{
    /// <param name="platform">The platform whose connectors are looked at (<see cref="Connectors.Connector.Platform"/>).</param>
    /// <param name="canSync">Whether a connector of <paramref name="platform"/> can be synced at all (for instance: connected).</param>
    /// <param name="cancellationToken">Cancels the reads and the queueing.</param>
    /// <returns>The connectors whose sync was queued.</returns>
    public async Task<IReadOnlyList<string>> StartDueAsync(string platform, Func<Connector, bool> canSync, CancellationToken cancellationToken)
    {
        var due = new List<string>();
        foreach (var connector in await connectors.ListAsync(cancellationToken))
        {
            if (connector.Platform != platform || !canSync(connector))
                continue;
            var latest = (await runs.ListAsync(connector.Id, 1, cancellationToken)).FirstOrDefault();
            if (SyncStarter.IsDue(latest, connector.Settings.SyncIntervalMinutes, time.GetUtcNow()))
                due.Add(connector.Id);
        }
        var started = await starter.StartAsync(due, SyncStarter.Schedule, cancellationToken);
        foreach (var run in started)
            LogStarted(platform, run.ConnectorId, run.RunId);
        return [.. started.Select(run => run.ConnectorId)];
    }

    [LoggerMessage(EventId = 800, EventName = "ScheduledSyncStarted", Level = LogLevel.Information, Message = "Started scheduled sync run {RunId} of {Platform} connector {ConnectorId}")]
    private partial void LogStarted(string platform, string connectorId, string runId);
}
