using System.Text.Json;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.Admin;

/// <summary>The admin API's JSON shapes of a dead letter: a summary for lists, the full record for one.</summary>
public static class DeadLetterView
{
    public static object Summary(DeadLetter d) => new
    {
        id = d.Id,
        eventId = d.EventId,
        connectorId = d.ConnectorId,
        eventType = d.EventType,
        state = d.State.ToString().ToLowerInvariant(),
        reason = d.Reason,
        errorDescription = d.ErrorDescription,
        source = d.Source,
        attempts = d.Attempts,
        firstFailedAt = d.FirstFailedAt,
        lastFailedAt = d.LastFailedAt,
        replayCount = d.ReplayCount,
        lastReplayedBy = d.LastReplayedBy,
        lastReplayedAt = d.LastReplayedAt,
        discardedBy = d.DiscardedBy,
        discardedAt = d.DiscardedAt,
    };

    public static object Full(DeadLetter d, IReadOnlyList<DeadLetterAuditEntry> history) => new
    {
        deadLetter = Summary(d),
        envelope = d.Envelope is null ? (JsonElement?)null : JsonDocument.Parse(d.Envelope).RootElement,
        rawMessage = d.RawMessage,
        history = history.Select(h => new { action = h.Action, actor = h.Actor, at = h.At, comment = h.Comment }),
    };
}
