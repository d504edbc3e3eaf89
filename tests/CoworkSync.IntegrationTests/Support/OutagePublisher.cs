using CoworkSync.Events;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>The events queue, until a test takes it down: then every publish fails as an unreachable queue does.</summary>
public sealed class OutagePublisher(IEventPublisher inner) : IEventPublisher
{
    public bool Down { get; set; }

    public Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken) =>
        Down ? throw new EventPublishException("The events queue is unreachable (a test's outage).", isTransient: true) : inner.PublishAsync(envelope, options, cancellationToken);
}
