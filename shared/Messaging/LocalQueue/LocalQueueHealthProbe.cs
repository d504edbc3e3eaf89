using Azure;
using CoworkSync.State.Health;

namespace CoworkSync.Messaging.LocalQueue;

/// <summary>The events queue in local mode answers when its storage queue's properties can be read.</summary>
public sealed class LocalQueueHealthProbe(LocalEventQueue queue) : IHealthProbe
{
    public string Name => "queue";

    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queue.CheckAsync(cancellationToken);
            return HealthProbeResult.Ok;
        }
        catch (RequestFailedException ex)
        {
            return HealthProbeResult.Down($"the storage queue answered {ex.Status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or AggregateException)
        {
            return HealthProbeResult.Down("the storage queue service cannot be reached");
        }
    }
}
