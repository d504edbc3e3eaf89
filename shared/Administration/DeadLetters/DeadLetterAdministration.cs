using Azure;
using CoworkSync.Administration.Audit;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.DeadLetters;

/// <summary>
/// What support staff do with dead letters (the admin API and the console alike): find them, read one, replay or
/// discard it, or a selection of them (DeadLetterAdministration.Selection.cs).
/// </summary>
public sealed partial class DeadLetterAdministration(IDeadLetterStore store, DeadLetterActions actions, AuditLog audit, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The longest filter value (connector, event type, reason) a list takes.</summary>
    public const int MaxFilterLength = 200;

    /// <summary>The longest dead-letter id looked up: a table key holds 1 KiB, and escaping may triple a character.</summary>
    public const int MaxIdLength = 300;

    /// <summary>An id no dead letter can have is not looked up (storage would refuse the key): it is simply not found.</summary>
    public static bool IsPossibleId(string? id) => id is { Length: > 0 and <= MaxIdLength };

    /// <summary>
    /// A page of dead letters, filtered by connector, event type, state (<c>open</c>, <c>replayed</c>, <c>discarded</c>),
    /// the last failure's reason, and when it last failed (<paramref name="failedFrom"/> inclusive, <paramref name="failedBefore"/> exclusive).
    /// </summary>
    public async Task<Outcome<DeadLetterPageView>> ListAsync(
        string? connectorId, string? eventType, string? state, int? pageSize, string? continuationToken, CancellationToken cancellationToken,
        string? reason = null, DateTimeOffset? failedFrom = null, DateTimeOffset? failedBefore = null)
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
        foreach (var (field, value) in new[] { ("connectorId", connectorId), ("eventType", eventType), ("reason", reason) })
        {
            if (value is { Length: > MaxFilterLength } || value?.Any(char.IsControl) == true)
                return Outcome<DeadLetterPageView>.Invalid(field, $"must be at most {MaxFilterLength} printable characters");
        }
        if (failedFrom is { } from && failedBefore is { } before && before <= from)
            return Outcome<DeadLetterPageView>.Invalid("failedBefore", "must be after failedFrom");

        DeadLetterPage page;
        try
        {
            page = await store.ListAsync(new DeadLetterQuery(connectorId, eventType, parsedState, pageSize ?? DefaultPageSize, continuationToken,
                reason, failedFrom, failedBefore), cancellationToken);
        }
        catch (Exception ex) when (continuationToken is not null && ex is ArgumentException or FormatException or RequestFailedException { Status: 400 })
        {
            return Outcome<DeadLetterPageView>.Invalid("continuationToken", "is not a page of this list; start from the first page");
        }
        return Outcome<DeadLetterPageView>.Done(new DeadLetterPageView([.. page.Items.Select(DeadLetterSummary.From)], page.ContinuationToken));
    }

    public async Task<Outcome<DeadLetterDetail>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = IsPossibleId(id) ? await store.GetAsync(id, cancellationToken) : null;
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
