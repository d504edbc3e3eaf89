using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>Records a message the broker dead-lettered (it kept failing delivery) so support staff can see it.</summary>
public sealed partial class DeadLetterIngestor(IDeadLetterStore store, TimeProvider time, ILogger<DeadLetterIngestor> logger, EventCounters counters)
{
    public async Task<DeadLetter> IngestAsync(QueueDelivery delivery, string? reason, string? description, CancellationToken cancellationToken)
    {
        EventEnvelope? envelope = null;
        try
        {
            envelope = EventEnvelopeJson.Deserialize(delivery.Body.Span);
        }
        catch (MalformedEnvelopeException)
        {
            // Kept as a raw message below.
        }

        var record = await store.RecordFailureAsync(new DeadLetterFailure
        {
            Envelope = envelope,
            RawMessage = envelope is null ? delivery.BodyForRecord() : null,
            MessageId = delivery.MessageId,
            Reason = string.IsNullOrWhiteSpace(reason) ? "Unknown" : reason,
            ErrorDescription = description,
            Source = DeadLetterSources.DeadLetterQueue,
            Attempts = Math.Max(1, delivery.DeliveryCount),
            FailedAt = time.GetUtcNow(),
        }, cancellationToken);
        LogIngested(record.Id, record.Reason);
        counters.Count(EventOutcome.DeadLettered);
        return record;
    }

    [LoggerMessage(EventId = 200, EventName = "DeadLetterIngested", Level = LogLevel.Error, Message = "The broker dead-lettered {DeadLetterId}: {DeadLetterReason}")]
    private partial void LogIngested(string deadLetterId, string deadLetterReason);
}
