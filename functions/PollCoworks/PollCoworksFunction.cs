using CoworkSync.Connectors;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Sync;

namespace CoworkSync.Functions.PollCoworks;

/// <summary>
/// Timer, every minute: starts a full sync of each Coworks connector whose last run was queued at least its
/// <c>syncIntervalMinutes</c> ago, so drift that no webhook reported is repaired.
/// </summary>
public sealed partial class PollCoworksFunction(
    ConnectorStore connectors, SyncRunStore runs, SyncStarter starter, TimeProvider time, ILogger<PollCoworksFunction> logger) : IInvocationFunction
{
    public const string FunctionName = "PollCoworks";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        foreach (var connector in await connectors.ListAsync(cancellationToken))
        {
            if (connector.Platform != Platforms.Coworks)
                continue;
            var latest = (await runs.ListAsync(connector.Id, 1, cancellationToken)).FirstOrDefault();
            if (!SyncStarter.IsDue(latest, connector.Settings.SyncIntervalMinutes, time.GetUtcNow()))
                continue;
            var run = await starter.StartAsync(connector.Id, SyncStarter.Schedule, cancellationToken);
            LogStarted(connector.Id, run.RunId);
            started.Add(connector.Id);
        }
        return InvocationResult.Success($"Started {started.Count} sync runs", started);
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Started scheduled sync run {RunId} of connector {ConnectorId}")]
    private partial void LogStarted(string connectorId, string runId);
}
