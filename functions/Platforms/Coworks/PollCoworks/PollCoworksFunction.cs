using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Members.Sync;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.Functions.Platforms.Coworks.PollCoworks;

/// <summary>
/// Timer, every minute: starts a full sync of each Coworks connector whose last run was queued at least its
/// <c>syncIntervalMinutes</c> ago, so drift that no webhook reported is repaired.
/// </summary>
public sealed class PollCoworksFunction(ScheduledSyncs syncs) : IInvocationFunction
{
    public const string FunctionName = "PollCoworks";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var started = await syncs.StartDueAsync(CoworksPlatform.PlatformName, _ => true, cancellationToken);
        return InvocationResult.Success($"Started {started.Count} sync runs", started);
    }
}
