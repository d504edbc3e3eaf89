using System.Collections.Concurrent;
using CoworkSync.Events;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>Passes every publish on to the real queue and remembers it, so a test can say what was (not) enqueued.</summary>
public sealed class RecordingPublisher(IEventPublisher inner) : IEventPublisher
{
    public ConcurrentQueue<EventEnvelope> Published { get; } = new();

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(envelope, options, cancellationToken);
        Published.Enqueue(envelope);
    }
}
