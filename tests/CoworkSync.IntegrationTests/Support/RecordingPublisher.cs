using System.Collections.Concurrent;
using CoworkSync.Messaging.Events;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>Passes every publish on to the real queue and remembers it, so a test can say what was (not) enqueued.</summary>
public sealed class RecordingPublisher(IEventPublisher inner) : IEventPublisher
{
    public ConcurrentQueue<EventEnvelope> Published { get; } = new();

    /// <summary>How many batch publishes there were, and of how many envelopes each.</summary>
    public ConcurrentQueue<int> Batches { get; } = new();

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(envelope, options, cancellationToken);
        Published.Enqueue(envelope);
    }

    public async Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken)
    {
        await inner.PublishBatchAsync(publications, cancellationToken);
        foreach (var publication in publications)
            Published.Enqueue(publication.Envelope);
        Batches.Enqueue(publications.Count);
    }
}
