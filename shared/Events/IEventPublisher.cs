namespace CoworkSync.Events;

/// <summary>Puts events on the events queue: Service Bus in Azure, an Azure Storage queue in local mode.</summary>
public interface IEventPublisher
{
    /// <summary>Enqueues the envelope durably; returns only once the queue has accepted it.</summary>
    /// <exception cref="EventPublishException">The queue did not accept the message.</exception>
    Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken);
}
