namespace CoworkSync.Messaging.Events;

/// <summary>One envelope to publish and how it is sent: an item of <see cref="IEventPublisher.PublishBatchAsync"/>.</summary>
public sealed record EventPublication(EventEnvelope Envelope, PublishOptions Options)
{
    /// <summary>The first publication of an envelope (<see cref="PublishOptions.First"/>).</summary>
    public static EventPublication First(EventEnvelope envelope) => new(envelope, PublishOptions.First(envelope));
}
