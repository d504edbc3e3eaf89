using CoworkSync.Administration.Audit;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.DeadLetters;

/// <summary>A selection of dead letters replayed or discarded at once (the console's checkboxes): each as if alone.</summary>
public sealed partial class DeadLetterAdministration
{
    /// <summary>The most dead letters one request acts on (a page of the console's list).</summary>
    public const int MaxSelection = MaxPageSize;

    /// <summary>
    /// Replays each dead letter of <paramref name="ids"/> (duplicates once) through <see cref="ReplayAsync"/>, so each is
    /// recorded and refused exactly as alone; one's refusal does not stop the others. Invalid for no id, too many, or an
    /// overlong comment.
    /// </summary>
    public Task<Outcome<IReadOnlyList<DeadLetterItemResult>>> ReplayAllAsync(IReadOnlyList<string> ids, AuditActor actor, string? comment, CancellationToken cancellationToken) =>
        EachAsync(ids, comment, id => ReplayAsync(id, actor, comment, cancellationToken));

    /// <summary>Discards each dead letter of <paramref name="ids"/> through <see cref="DiscardAsync"/>; as <see cref="ReplayAllAsync"/>.</summary>
    public Task<Outcome<IReadOnlyList<DeadLetterItemResult>>> DiscardAllAsync(IReadOnlyList<string> ids, AuditActor actor, string? comment, CancellationToken cancellationToken) =>
        EachAsync(ids, comment, id => DiscardAsync(id, actor, comment, cancellationToken));

    /// <summary>The longest comment an action keeps.</summary>
    public const int MaxCommentLength = 2000;

    private static async Task<Outcome<IReadOnlyList<DeadLetterItemResult>>> EachAsync(
        IReadOnlyList<string> ids, string? comment, Func<string, Task<Outcome<DeadLetterSummary>>> act)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            return Outcome<IReadOnlyList<DeadLetterItemResult>>.Invalid("ids", "select at least one dead letter");
        if (distinct.Count > MaxSelection)
            return Outcome<IReadOnlyList<DeadLetterItemResult>>.Invalid("ids", $"select at most {MaxSelection} dead letters at once");
        if (comment is { Length: > MaxCommentLength })
            return Outcome<IReadOnlyList<DeadLetterItemResult>>.Invalid("comment", $"must be at most {MaxCommentLength} characters");

        var results = new List<DeadLetterItemResult>(distinct.Count);
        foreach (var id in distinct)
        {
            var outcome = IsPossibleId(id) ? await act(id) : Outcome<DeadLetterSummary>.NotFound($"There is no dead letter '{id}'.");
            results.Add(outcome.Succeeded
                ? new DeadLetterItemResult(id, true, null, outcome.Value)
                : new DeadLetterItemResult(id, false, outcome.Detail ?? string.Join("; ", outcome.Errors.Select(e => $"{e.Field} {e.Reason}")), null));
        }
        return Outcome<IReadOnlyList<DeadLetterItemResult>>.Done(results);
    }
}

/// <summary>What became of one dead letter of a selection.</summary>
/// <param name="Id">The dead letter.</param>
/// <param name="Done">Whether it was replayed (or discarded).</param>
/// <param name="Problem">Why not, when it was not.</param>
/// <param name="DeadLetter">It as it is now, when done.</param>
public sealed record DeadLetterItemResult(string Id, bool Done, string? Problem, DeadLetterSummary? DeadLetter);
