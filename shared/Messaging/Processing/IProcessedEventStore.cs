using CoworkSync.Messaging.Events;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.Processing;

/// <summary>
/// Makes applying an event happen once: a delivery claims the event (an atomic insert) before applying it, marks it
/// applied after, or releases the claim when it fails. A lease ends a claim whose holder died.
/// </summary>
public interface IProcessedEventStore : IExpiringRecords
{
    Task<EventClaim> ClaimAsync(EventEnvelope envelope, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkAppliedAsync(EventEnvelope envelope, DateTimeOffset appliedAt, CancellationToken cancellationToken);

    /// <summary>Gives the event up so a retry or replay can claim it; a claim already gone is fine.</summary>
    Task ReleaseAsync(EventEnvelope envelope, EventClaim claim, CancellationToken cancellationToken);

}
