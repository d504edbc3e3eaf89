using CoworkSync.Messaging.Events;

namespace CoworkSync.Members.Sync;

/// <summary>Starts a sync run: records it as queued and puts its event on the queue.</summary>
public sealed class SyncStarter(SyncRunStore runs, IEventPublisher publisher, TimeProvider time)
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";

    public async Task<SyncRun> StartAsync(string connectorId, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = await QueueAsync(connectorId, trigger, now, cancellationToken);
        var envelope = SyncRequestedEvent.Envelope(connectorId, run.RunId, now);
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
        return run;
    }

    /// <summary>Starts a sync run of each connector: records them all as queued, then puts their events on the queue in one batch.</summary>
    public async Task<IReadOnlyList<SyncRun>> StartAsync(IReadOnlyList<string> connectorIds, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectorIds);
        var now = time.GetUtcNow();
        var started = new List<SyncRun>(connectorIds.Count);
        foreach (var connectorId in connectorIds)
            started.Add(await QueueAsync(connectorId, trigger, now, cancellationToken));
        if (started.Count > 0)
            await publisher.PublishBatchAsync([.. started.Select(run => EventPublication.First(SyncRequestedEvent.Envelope(run.ConnectorId, run.RunId, now)))], cancellationToken);
        return started;
    }

    private async Task<SyncRun> QueueAsync(string connectorId, string trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = new SyncRun { ConnectorId = connectorId, RunId = SyncRunStore.NewRunId(now), Trigger = trigger, State = SyncRunState.Queued, QueuedAt = now };
        await runs.SaveAsync(run, cancellationToken);
        return run;
    }

    /// <summary>Whether a connector is due for a scheduled sync: its last run was queued an interval ago and is not still going.</summary>
    public static bool IsDue(SyncRun? latest, int intervalMinutes, DateTimeOffset now)
    {
        if (latest is null)
            return true;
        var interval = TimeSpan.FromMinutes(intervalMinutes);
        var stuck = latest.State is SyncRunState.Queued or SyncRunState.Running && now - latest.QueuedAt > TimeSpan.FromHours(1);
        return latest.State is SyncRunState.Succeeded or SyncRunState.Failed || stuck
            ? now - latest.QueuedAt >= interval
            : false;
    }
}
