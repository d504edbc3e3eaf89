using System.Text;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>What support staff do with a dead letter: replay it or discard it, each recorded with who and when.</summary>
public sealed class DeadLetterActions(IDeadLetterStore store, IEventPublisher publisher, TimeProvider time)
{
    public async Task<DeadLetterActionResult> ReplayAsync(string id, string actor, string? comment, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
            return new(DeadLetterActionStatus.NotFound, null);
        if (record.State == DeadLetterState.Discarded)
            return new(DeadLetterActionStatus.Discarded, record);
        if (record.Envelope is null)
            return new(DeadLetterActionStatus.NothingToReplay, record);

        // A fresh try: the event id stays, so the processed-event record keeps a replay from applying twice.
        var envelope = EventEnvelopeJson.Deserialize(Encoding.UTF8.GetBytes(record.Envelope)) with { Attempt = 1 };
        var replayId = Guid.NewGuid().ToString("N");
        await publisher.PublishAsync(envelope, PublishOptions.Replay(envelope, replayId), cancellationToken);

        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(id,
            d => d with { State = DeadLetterState.Replayed, ReplayCount = d.ReplayCount + 1, LastReplayedBy = actor, LastReplayedAt = now },
            new DeadLetterAuditEntry(DeadLetterAuditEntry.Replayed, actor, now, comment),
            cancellationToken);
        return new(updated is null ? DeadLetterActionStatus.NotFound : DeadLetterActionStatus.Done, updated);
    }

    public async Task<DeadLetterActionResult> DiscardAsync(string id, string actor, string? comment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(id,
            d => d with { State = DeadLetterState.Discarded, DiscardedBy = actor, DiscardedAt = now },
            new DeadLetterAuditEntry(DeadLetterAuditEntry.Discarded, actor, now, comment),
            cancellationToken);
        return new(updated is null ? DeadLetterActionStatus.NotFound : DeadLetterActionStatus.Done, updated);
    }
}
