using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Writes the interims <see cref="UsageLedger"/> keeps in memory, and the NAS index's changes
/// (<see cref="NasSessionIndex"/>), every flush interval and once more when the app stops.
/// </summary>
public sealed partial class UsageFlusher(UsageLedger ledger, NasSessionIndex index, IOptions<RadiusOptions> options, TimeProvider time, ILogger<UsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.AccountingFlushSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                await ledger.FlushAsync(stoppingToken);
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
        var written = await ledger.FlushAsync(CancellationToken.None);
        LogFlushedOnStop(written, ledger.RowsWithPendingReports, index.PendingChanges);
    }

    [LoggerMessage(EventId = 1321, EventName = "UsageFlushedOnStop", Level = LogLevel.Information, Message = "Wrote the pending usage of {Written} rows on stopping; {Left} could not be written, nor {IndexLeft} NAS index changes")]
    private partial void LogFlushedOnStop(int written, int left, int indexLeft);
}
