namespace CoworkSync.Messaging.Events;

/// <summary>Puts events on the events queue: Service Bus in Azure, an Azure Storage queue in local mode.</summary>
public interface IEventPublisher
{
    /// <summary>Enqueues the envelope durably; returns only once the queue has accepted it.</summary>
    /// <exception cref="EventPublishException">The queue did not accept the message.</exception>
    Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Enqueues several envelopes, each with its own options, in as few sends as the queue allows (Service Bus: as few
    /// size-limited batches as hold them); returns only once the queue has accepted all of them. For one input that
    /// fans out to many events.
    /// </summary>
    /// <remarks>
    /// Not atomic as a whole: when it throws, the envelopes of earlier sends may be enqueued. Publishing them all again
    /// is safe: each message id is the one duplicate detection knows, and an event id is applied once.
    /// </remarks>
    /// <exception cref="EventPublishException">The queue did not accept a send; the message says how many were.</exception>
    Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken);
}
