using System.Text.Json;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Administration.DeadLetters;

/// <summary>A dead letter as lists show it.</summary>
/// <param name="Id">Its id, <c>{connectorId}:{eventId}</c>.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="ConnectorId">The event's connector.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="State"><c>open</c>, <c>replayed</c> or <c>discarded</c>.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="ErrorDescription">What happened.</param>
/// <param name="Source">Where it was dead-lettered.</param>
/// <param name="Attempts">How often it was tried.</param>
/// <param name="FirstFailedAt">When it first failed.</param>
/// <param name="LastFailedAt">When it last failed.</param>
/// <param name="ReplayCount">How often it was replayed.</param>
/// <param name="LastReplayedBy">Who replayed it last.</param>
/// <param name="LastReplayedAt">When.</param>
/// <param name="DiscardedBy">Who discarded it.</param>
/// <param name="DiscardedAt">When.</param>
public sealed record DeadLetterSummary(
    string Id, string? EventId, string? ConnectorId, string? EventType, string State, string Reason, string? ErrorDescription, string Source, int Attempts,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, int ReplayCount, string? LastReplayedBy, DateTimeOffset? LastReplayedAt, string? DiscardedBy,
    DateTimeOffset? DiscardedAt)
{
    public static DeadLetterSummary From(DeadLetter d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.EventId, d.ConnectorId, d.EventType, d.State.ToString().ToLowerInvariant(), d.Reason, d.ErrorDescription, d.Source, d.Attempts,
            d.FirstFailedAt, d.LastFailedAt, d.ReplayCount, d.LastReplayedBy, d.LastReplayedAt, d.DiscardedBy, d.DiscardedAt);
    }
}

/// <summary>One dead letter in full: the summary, the event it holds, the raw message and who did what.</summary>
/// <param name="DeadLetter">The summary.</param>
/// <param name="Envelope">The event envelope (any secret-named value hidden, <see cref="SecretRedaction"/>); null when the message was unreadable.</param>
/// <param name="RawMessage">The message as received, when it was not an envelope.</param>
/// <param name="History">Each failure, replay and discard, newest first.</param>
public sealed record DeadLetterDetail(DeadLetterSummary DeadLetter, JsonElement? Envelope, string? RawMessage, IReadOnlyList<DeadLetterActionView> History)
{
    public static DeadLetterDetail From(DeadLetter d, IReadOnlyList<DeadLetterAuditEntry> history)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(history);
        return new(DeadLetterSummary.From(d), d.Envelope is null ? null : SecretRedaction.Redact(JsonDocument.Parse(d.Envelope).RootElement), d.RawMessage,
            [.. history.Select(h => new DeadLetterActionView(h.Action, h.Actor, h.At, h.Comment))]);
    }
}

/// <param name="Action">What was done.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Comment">Why, as they said.</param>
public sealed record DeadLetterActionView(string Action, string Actor, DateTimeOffset At, string? Comment);

/// <summary>A page of dead letters.</summary>
/// <param name="Items">The dead letters.</param>
/// <param name="ContinuationToken">Where the next page starts; null on the last.</param>
public sealed record DeadLetterPageView(IReadOnlyList<DeadLetterSummary> Items, string? ContinuationToken);
