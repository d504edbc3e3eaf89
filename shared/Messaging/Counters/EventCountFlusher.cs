using Microsoft.Extensions.Hosting;

namespace CoworkSync.Messaging.Counters;

/// <summary>Every <see cref="Interval"/>, and once more when the app stops, writes this process's hourly event counts.</summary>
public sealed class EventCountFlusher(EventCountRecorder recorder, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                await recorder.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last flush follows.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await recorder.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting: what was not written is lost with the process.
        }
    }
}
