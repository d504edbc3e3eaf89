using CoworkSync.Connectors;
using CoworkSync.Connectors.Cobot;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Sync;

namespace CoworkSync.Functions.PollCobot;

/// <summary>
/// Timer, every minute: starts a full sync of each connected Cobot connector whose last run was queued at least its
/// <c>syncIntervalMinutes</c> (at most 60) ago. Each run first checks the webhook subscriptions
/// (<c>GET /api/subscriptions</c>) and re-creates the ones Cobot deactivated or lost, and records what it did.
/// </summary>
public sealed partial class PollCobotFunction(
    ConnectorStore connectors, CobotConnections cobot, SyncRunStore runs, SyncStarter starter, TimeProvider time, ILogger<PollCobotFunction> logger) : IInvocationFunction
{
    public const string FunctionName = "PollCobot";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        foreach (var connector in await connectors.ListAsync(cancellationToken))
        {
            if (connector.Platform != Platforms.Cobot || !await cobot.HasTokenAsync(connector.Id, cancellationToken))
                continue;
            var latest = (await runs.ListAsync(connector.Id, 1, cancellationToken)).FirstOrDefault();
            var interval = Math.Min(connector.Settings.SyncIntervalMinutes, CobotInputValidation.MaxSyncIntervalMinutes);
            if (!SyncStarter.IsDue(latest, interval, time.GetUtcNow()))
                continue;
            var run = await starter.StartAsync(connector.Id, SyncStarter.Schedule, cancellationToken);
            LogStarted(connector.Id, run.RunId);
            started.Add(connector.Id);
        }
        return InvocationResult.Success($"Started {started.Count} sync runs", started);
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Started scheduled sync run {RunId} of Cobot connector {ConnectorId}")]
    private partial void LogStarted(string connectorId, string runId);
}
