using CoworkSync.Events;

namespace CoworkSync.Storage;

public interface IProcessedEventStore
{
    Task<bool> WasAppliedAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    Task MarkAppliedAsync(EventEnvelope envelope, DateTimeOffset appliedAt, CancellationToken cancellationToken);

    /// <summary>Forgets events applied before the cutoff; returns how many were forgotten.</summary>
    Task<int> PurgeAppliedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
