using Azure;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Messaging.LocalQueue;

/// <summary>Publishes events to local mode's storage queue. A delay hides the message until it is due.</summary>
public sealed class LocalQueueEventPublisher(LocalEventQueue queue) : IEventPublisher
{
    public const string EventTypeProperty = "EventType";

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(EventEnvelopeJson.Serialize(envelope), options.MessageId, options.Delay,
                new Dictionary<string, string> { [EventTypeProperty] = envelope.Type }, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            throw new EventPublishException($"The local queue refused the message: {ex.Status} {ex.ErrorCode}", FailureClassifier.IsTransientStatus(ex.Status), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EventPublishException("The local queue could not be reached.", isTransient: true, ex);
        }
    }

    /// <summary>A storage queue takes one message per request: the envelopes are sent one after another, in order.</summary>
    public async Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publications);
        for (var sent = 0; sent < publications.Count; sent++)
        {
            try
            {
                await PublishAsync(publications[sent].Envelope, publications[sent].Options, cancellationToken);
            }
            catch (EventPublishException ex)
            {
                throw new EventPublishException($"{ex.Message} ({sent} of {publications.Count} messages were sent)", ex.IsTransient, ex);
            }
        }
    }
}
