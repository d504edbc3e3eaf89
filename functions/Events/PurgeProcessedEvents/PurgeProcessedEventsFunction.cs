using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.Events.PurgeProcessedEvents;

/// <summary>
/// Daily timer: forgets processed-event and accepted-webhook records older than the retention period, so the tables stay small.
/// Long past the broker's duplicate-detection window and webhook retries, a repeat is no longer expected.
/// </summary>
public sealed partial class PurgeProcessedEventsFunction(
    IEnumerable<IExpiringRecords> records, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PurgeProcessedEventsFunction> logger) : IInvocationFunction
{
    public const string FunctionName = "PurgeProcessedEvents";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var timer = TimerTriggerInput.Read(request, "timer");
        var cutoff = time.GetUtcNow() - options.Value.ProcessedEvents;
        var purged = 0;
        foreach (var expiring in records)
            purged += await expiring.PurgeBeforeAsync(cutoff, cancellationToken);
        LogPurged(purged, cutoff, timer.IsPastDue);
        return InvocationResult.Success($"Purged {purged} processed-event records applied before {cutoff:O}", purged);
    }

    [LoggerMessage(EventId = 150, EventName = "ProcessedEventsPurged", Level = LogLevel.Information, Message = "Purged {Count} processed-event records applied before {Cutoff} (past due: {IsPastDue})")]
    private partial void LogPurged(int count, DateTimeOffset cutoff, bool isPastDue);
}
