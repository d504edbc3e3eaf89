using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.Processing;

/// <summary>Applies one type of event. Handlers reconcile, so applying the same event twice is harmless.</summary>
public interface IEventHandler
{
    /// <summary>The envelope type this handler applies, e.g. <c>connector.sync</c>.</summary>
    string EventType { get; }

    /// <exception cref="PermanentEventException">The event can never be applied (unknown connector, invalid payload).</exception>
    /// <exception cref="TransientEventException">The event may apply later (a dependency is down or throttling).</exception>
    Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
