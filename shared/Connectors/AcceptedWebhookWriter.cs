using Microsoft.Extensions.Hosting;

namespace CoworkSync.Connectors;

/// <summary>Writes the webhook acceptances <see cref="AcceptedWebhooks"/> keeps, every second and once more when the app stops.</summary>
public sealed class AcceptedWebhookWriter(AcceptedWebhooks accepted, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                if (accepted.Unwritten > 0)
                    await accepted.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await accepted.FlushAsync(CancellationToken.None);
    }
}
