using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.Counters;

/// <summary>
/// Writes this process's hourly totals (<see cref="EventCounters"/>) to <see cref="EventCountStore"/>: each hour counted
/// into since it was last written. A write that fails is tried again at the next flush (the totals only grow, so
/// nothing counted is lost while the process lives).
/// </summary>
public sealed partial class EventCountRecorder(EventCounters counters, EventCountStore store, ILogger<EventCountRecorder> logger)
{
    /// <returns>How many hours' rows were written.</returns>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var (hour, changes, totals) in counters.Unrecorded())
        {
            try
            {
                await store.WriteAsync(counters.InstanceId, totals, cancellationToken);
                hour.RecordedChanges = changes;
                written++;
            }
            // A store that does not answer at all fails as an AggregateException of the SDK's retries, not as a RequestFailedException.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogNotWritten(ex, totals.Hour);
            }
        }
        counters.Prune();
        return written;
    }

    [LoggerMessage(EventId = 1650, EventName = "EventCountsNotWritten", Level = LogLevel.Warning,
        Message = "The event counts of the hour {Hour} could not be written; they are kept and written at the next flush")]
    private partial void LogNotWritten(Exception exception, DateTimeOffset hour);
}
