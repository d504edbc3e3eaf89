using CoworkSync.Messaging.Events;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>The events queue, until a test takes it down: then every publish fails as an unreachable queue does.</summary>
public sealed class OutagePublisher(IEventPublisher inner) : IEventPublisher
{
    public bool Down { get; set; }

    /// <summary>Only batch publishes fail (a sync's fan-out), single ones still go through.</summary>
    public bool BatchesDown { get; set; }

    public Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken) =>
        Down ? throw Outage() : inner.PublishAsync(envelope, options, cancellationToken);

    public Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken) =>
        Down || BatchesDown ? throw Outage() : inner.PublishBatchAsync(publications, cancellationToken);

    private static EventPublishException Outage() => new("The events queue is unreachable (a test's outage).", isTransient: true);
}
