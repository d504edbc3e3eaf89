using Azure;
using CoworkSync.Events;
using CoworkSync.Processing;

namespace CoworkSync.LocalQueue;

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
}
