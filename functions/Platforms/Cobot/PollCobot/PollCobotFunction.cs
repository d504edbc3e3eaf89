using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Members.Sync;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.Platforms.Cobot.PollCobot;

/// <summary>
/// Timer, every minute: starts a full sync of each connected Cobot connector whose last run was queued at least its
/// <c>syncIntervalMinutes</c> (at most 60) ago. Each run first checks the webhook subscriptions
/// (<c>GET /api/subscriptions</c>) and re-creates the ones Cobot deactivated or lost, and records what it did.
/// Connected means a row in <c>CobotConnections</c> (one table query), not a token read from the secret store.
/// </summary>
public sealed class PollCobotFunction(CobotConnectionStore connections, ScheduledSyncs syncs) : IInvocationFunction
{
    public const string FunctionName = "PollCobot";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var connected = await connections.ConnectedAsync(cancellationToken);
        var started = await syncs.StartDueAsync(CobotPlatform.PlatformName, c => connected.Contains(c.Id), cancellationToken);
        return InvocationResult.Success($"Started {started.Count} sync runs", started);
    }
}
