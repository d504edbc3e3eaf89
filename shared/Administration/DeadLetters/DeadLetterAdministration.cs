using CoworkSync.Administration.Audit;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.DeadLetters;

/// <summary>What support staff do with dead letters (the admin API and the console alike): find them, read one, replay or discard it.</summary>
public sealed class DeadLetterAdministration(IDeadLetterStore store, DeadLetterActions actions, AuditLog audit, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A page of dead letters, filtered by connector, event type and state (<c>open</c>, <c>replayed</c>, <c>discarded</c>).</summary>
    public async Task<Outcome<DeadLetterPageView>> ListAsync(
        string? connectorId, string? eventType, string? state, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        DeadLetterState? parsedState = null;
        if (state is not null)
        {
            if (!Enum.TryParse<DeadLetterState>(state, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return Outcome<DeadLetterPageView>.Invalid("state", "must be one of open, replayed, discarded");
            parsedState = s;
        }
        if (pageSize is < 1 or > MaxPageSize)
            return Outcome<DeadLetterPageView>.Invalid("pageSize", $"must be between 1 and {MaxPageSize}");

        var page = await store.ListAsync(new DeadLetterQuery(connectorId, eventType, parsedState, pageSize ?? DefaultPageSize, continuationToken), cancellationToken);
        return Outcome<DeadLetterPageView>.Done(new DeadLetterPageView([.. page.Items.Select(DeadLetterSummary.From)], page.ContinuationToken));
    }

    public async Task<Outcome<DeadLetterDetail>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
            return Outcome<DeadLetterDetail>.NotFound($"There is no dead letter '{id}'.");
        return Outcome<DeadLetterDetail>.Done(DeadLetterDetail.From(record, await store.GetHistoryAsync(id, cancellationToken)));
    }

    /// <summary>
    /// Re-publishes the event under a new message id (the event id stays, so it is applied at most once) and records who
    /// did it, in the dead letter's own history and in the audit log.
    /// </summary>
    public async Task<Outcome<DeadLetterSummary>> ReplayAsync(string id, AuditActor actor, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = await actions.ReplayAsync(id, actor.Name, comment, cancellationToken);
        if (result.Status == DeadLetterActionStatus.Done)
            await RecordAsync(actor, AuditActions.DeadLetterReplayed, result.DeadLetter!, $"Replayed dead letter {id}.", comment, cancellationToken);
        return result.Status switch
        {
            DeadLetterActionStatus.Done => Outcome<DeadLetterSummary>.Done(DeadLetterSummary.From(result.DeadLetter!)),
            DeadLetterActionStatus.Discarded => Outcome<DeadLetterSummary>.Conflict("The dead letter was discarded; it can no longer be replayed."),
            DeadLetterActionStatus.NothingToReplay => Outcome<DeadLetterSummary>.Conflict("The dead letter holds no readable event (the message was malformed); there is nothing to replay."),
            _ => Outcome<DeadLetterSummary>.NotFound($"There is no dead letter '{id}'."),
        };
    }

    /// <summary>Sets the dead letter aside; the record and its history are kept; the audit log records who did it.</summary>
    public async Task<Outcome<DeadLetterSummary>> DiscardAsync(string id, AuditActor actor, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = await actions.DiscardAsync(id, actor.Name, comment, cancellationToken);
        if (result.Status == DeadLetterActionStatus.Done)
            await RecordAsync(actor, AuditActions.DeadLetterDiscarded, result.DeadLetter!, $"Discarded dead letter {id}.", comment, cancellationToken);
        return result.Status == DeadLetterActionStatus.Done
            ? Outcome<DeadLetterSummary>.Done(DeadLetterSummary.From(result.DeadLetter!))
            : Outcome<DeadLetterSummary>.NotFound($"There is no dead letter '{id}'.");
    }

    private Task RecordAsync(AuditActor actor, string action, DeadLetter deadLetter, string summary, string? comment, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.DeadLetters,
            Action = action,
            Target = deadLetter.Id,
            ConnectorId = deadLetter.ConnectorId,
            Summary = summary,
            Comment = comment,
        }, cancellationToken);
}
