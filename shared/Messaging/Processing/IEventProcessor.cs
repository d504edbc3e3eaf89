using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.Processing;

public interface IEventProcessor
{
    /// <summary>
    /// Applies the event in the message, or schedules its retry, or records it as a dead letter. Returns once the
    /// message may be completed; throws when it must be redelivered (an unexpected crash, or state that could not be saved).
    /// </summary>
    Task<ProcessingOutcome> ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken);
}
