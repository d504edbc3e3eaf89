namespace CoworkSync.Messaging.Events;

/// <summary>How one message is sent.</summary>
/// <param name="MessageId">The broker's message id, used for duplicate detection.</param>
/// <param name="Delay">How long the broker keeps the message before delivering it; zero for now.</param>
public sealed record PublishOptions(string MessageId, TimeSpan Delay)
{
    /// <summary>The first publication of an event: message id = event id, so the broker drops a duplicate send.</summary>
    public static PublishOptions First(EventEnvelope envelope) => new(envelope.Id, TimeSpan.Zero);

    /// <summary>A delayed retry: a message id of its own, so duplicate detection does not swallow it.</summary>
    public static PublishOptions Retry(EventEnvelope retried, TimeSpan delay) => new($"{retried.Id}:attempt:{retried.Attempt}", delay);

    /// <summary>
    /// The event sent again by a delivery that found it claimed by another, to be looked at when that claim's lease
    /// ends: one message id per lease, so deliveries that met the same claim send one copy.
    /// </summary>
    public static PublishOptions CheckBack(EventEnvelope envelope, DateTimeOffset heldUntil, TimeSpan delay) =>
        new($"{envelope.Id}:attempt:{envelope.Attempt}:held-until:{heldUntil.UtcTicks}", delay) { IsCheckBack = true };

    /// <summary>True for a <see cref="CheckBack"/>: the event was accepted before; this only looks at it again.</summary>
    public bool IsCheckBack { get; init; }

    /// <summary>A replay by support staff: a fresh message id each time; the event id inside stays the same.</summary>
    public static PublishOptions Replay(EventEnvelope envelope, string replayId) => new($"{envelope.Id}:replay:{replayId}", TimeSpan.Zero);
}
