using System.Collections.Concurrent;
using CoworkSync.Messaging.Events;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>Passes every publish on to the real queue and remembers it, so a test can say what was (not) enqueued.</summary>
public sealed class RecordingPublisher(IEventPublisher inner) : IEventPublisher
{
    /// <summary>Every event put on the queue, but the check-backs (<see cref="CheckBacks"/>).</summary>
    public ConcurrentQueue<EventEnvelope> Published { get; } = new();

    /// <summary>
    /// Events a delivery sent again because another delivery held their claim (<see cref="PublishOptions.CheckBack"/>):
    /// not new events, so not in <see cref="Published"/>.
    /// </summary>
    public ConcurrentQueue<EventEnvelope> CheckBacks { get; } = new();

    /// <summary>Every batch publish, with its envelopes.</summary>
    public ConcurrentQueue<IReadOnlyList<EventEnvelope>> Batches { get; } = new();

    /// <summary>
    /// The sizes of the batches of one type of event, in order: a test of welcome-email batches is not disturbed by the
    /// batch of sync requests a scheduled-sync tick publishes meanwhile.
    /// </summary>
    public IReadOnlyList<int> BatchesOf(string eventType) => [.. Batches.Where(b => b.All(e => e.Type == eventType)).Select(b => b.Count)];

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(envelope, options, cancellationToken);
        (options.IsCheckBack ? CheckBacks : Published).Enqueue(envelope);
    }

    public async Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken)
    {
        await inner.PublishBatchAsync(publications, cancellationToken);
        foreach (var publication in publications)
            Published.Enqueue(publication.Envelope);
        Batches.Enqueue([.. publications.Select(p => p.Envelope)]);
    }
}
