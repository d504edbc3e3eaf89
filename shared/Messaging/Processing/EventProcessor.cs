using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using CoworkSync.State.CrashPoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Messaging.Processing;

/// <summary>
/// The failure policy of the events queue. A transient failure is re-published with a backoff delay, never shorter than
/// the Retry-After a <see cref="TransientEventException"/> carries; a permanent one, or one that used up its attempts,
/// becomes a dead letter; an unexpected one propagates so the broker redelivers and, past its max delivery count,
/// dead-letters the message. Nothing is completed unrecorded.
/// </summary>
public sealed class EventProcessor(
    EventHandlerRegistry handlers,
    IProcessedEventStore processed,
    IDeadLetterStore deadLetters,
    IEventPublisher publisher,
    IOptions<EventProcessingOptions> options,
    TimeProvider time,
    ICrashPoints crashPoints,
    ILogger<EventProcessor> logger,
    EventCounters counters) : IEventProcessor
{
    /// <summary>How long after another delivery's lease ends its event is looked at again.</summary>
    public static readonly TimeSpan CheckBackMargin = TimeSpan.FromSeconds(1);

    public async Task<ProcessingOutcome> ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        EventEnvelope envelope;
        try
        {
            envelope = EventEnvelopeJson.Deserialize(delivery.Body.Span);
        }
        catch (MalformedEnvelopeException ex)
        {
            logger.Malformed(ex, delivery.MessageId);
            await deadLetters.RecordFailureAsync(new DeadLetterFailure
            {
                RawMessage = delivery.BodyForRecord(),
                MessageId = delivery.MessageId,
                Reason = DeadLetterReasons.MalformedMessage,
                ErrorDescription = ex.Message,
                Source = DeadLetterSources.ProcessEvent,
                Attempts = delivery.DeliveryCount,
                FailedAt = time.GetUtcNow(),
            }, cancellationToken);
            counters.Count(EventOutcome.DeadLettered);
            return ProcessingOutcome.DeadLettered;
        }

        using var scope = logger.BeginScope("Event {EventId} of connector {ConnectorId}", envelope.Id, envelope.ConnectorId);

        var claim = await processed.ClaimAsync(envelope, time.GetUtcNow(), options.Value.ClaimLease, cancellationToken);
        switch (claim.Status)
        {
            case EventClaimStatus.AlreadyApplied:
                logger.AlreadyApplied(envelope.Id, envelope.ConnectorId);
                return ProcessingOutcome.AlreadyApplied;
            case EventClaimStatus.InProgressElsewhere:
                return await CheckBackAsync(envelope, claim, cancellationToken);
        }

        await crashPoints.ReachedAsync(CrashPoint.AfterClaim, envelope.Id, cancellationToken);
        try
        {
            await ApplyAsync(envelope, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The claim goes first, so that the retry or a replay of the dead letter can claim the event at once.
            await processed.ReleaseAsync(envelope, claim, CancellationToken.None);
            var (kind, reason) = FailureClassifier.Classify(ex, cancellationToken);
            switch (kind)
            {
                case FailureKind.Permanent:
                    return await DeadLetterAsync(envelope, reason, ex.Message, ex, cancellationToken);
                case FailureKind.Transient when envelope.Attempt >= options.Value.MaxAttempts:
                    return await DeadLetterAsync(envelope, DeadLetterReasons.RetriesExhausted,
                        $"Failed {envelope.Attempt} times; last failure ({reason}): {ex.Message}", ex, cancellationToken);
                case FailureKind.Transient:
                    return await ScheduleRetryAsync(envelope, reason, ex, cancellationToken);
                default:
                    logger.Crashed(ex, envelope.Id, envelope.ConnectorId, delivery.DeliveryCount);
                    throw;
            }
        }

        logger.Applied(envelope.Id, envelope.Type, envelope.ConnectorId, envelope.Attempt);
        counters.Count(EventOutcome.Applied);
        return ProcessingOutcome.Applied;
    }

    private async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var handler = handlers.Find(envelope.Type)
            ?? throw new PermanentEventException(DeadLetterReasons.UnknownEventType, $"No handler applies events of type '{envelope.Type}'.");
        await handler.HandleAsync(envelope, cancellationToken);
        await crashPoints.ReachedAsync(CrashPoint.BeforeMarkApplied, envelope.Id, cancellationToken);
        await processed.MarkAppliedAsync(envelope, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Another delivery holds the event. It may be applying it, or it may have died holding it (killed, or timed out
    /// and redelivered: this very message): this delivery cannot tell, and completing it as a duplicate would lose the
    /// event in the second case. So it sends the event again for when the holder's lease ends, then completes; the copy
    /// finds it applied (a no-op), or takes over the claim of a holder that died.
    /// </summary>
    private async Task<ProcessingOutcome> CheckBackAsync(EventEnvelope envelope, EventClaim claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var heldUntil = claim.HeldUntil ?? now;
        var delay = (heldUntil > now ? heldUntil - now : TimeSpan.Zero) + CheckBackMargin;
        // If this send fails the exception propagates: the delivery is abandoned and the broker redelivers it.
        await publisher.PublishAsync(envelope, PublishOptions.CheckBack(envelope, heldUntil, delay), cancellationToken);
        logger.InProgressElsewhere(envelope.Id, envelope.ConnectorId, heldUntil);
        return ProcessingOutcome.InProgressElsewhere;
    }

    private async Task<ProcessingOutcome> ScheduleRetryAsync(EventEnvelope envelope, string reason, Exception ex, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.AtLeast(RetryBackoff.DelayAfter(envelope.Attempt, options.Value, Random.Shared.NextDouble()), ex);
        var next = envelope.NextAttempt();
        // If this send fails the exception propagates: the delivery is abandoned and the broker redelivers it.
        await publisher.PublishAsync(next, PublishOptions.Retry(next, delay), cancellationToken);
        logger.RetryScheduled(ex, envelope.Id, envelope.ConnectorId, envelope.Attempt, reason, delay);
        counters.Count(EventOutcome.Retried);
        return ProcessingOutcome.RetryScheduled;
    }

    private async Task<ProcessingOutcome> DeadLetterAsync(EventEnvelope envelope, string reason, string description, Exception? ex, CancellationToken cancellationToken)
    {
        await deadLetters.RecordFailureAsync(new DeadLetterFailure
        {
            Envelope = envelope,
            Reason = reason,
            ErrorDescription = description,
            Source = DeadLetterSources.ProcessEvent,
            Attempts = envelope.Attempt,
            FailedAt = time.GetUtcNow(),
        }, cancellationToken);
        logger.DeadLettered(ex, envelope.Id, envelope.ConnectorId, reason);
        counters.Count(EventOutcome.DeadLettered);
        return ProcessingOutcome.DeadLettered;
    }
}
