namespace CoworkSync.Messaging.DeadLetters;

/// <summary>An event that could not be applied, with everything support staff need to decide what to do.</summary>
public sealed record DeadLetter
{
    /// <summary><c>{connectorId}:{eventId}</c>; <c>unknown:{messageId}</c> for a message that was not an envelope.</summary>
    public required string Id { get; init; }

    public string? EventId { get; init; }

    public string? ConnectorId { get; init; }

    public string? EventType { get; init; }

    public required string Reason { get; init; }

    public string? ErrorDescription { get; init; }

    /// <summary>Which path recorded it: <c>ProcessEvent</c> (retry policy) or <c>DeadLetterQueue</c> (the broker).</summary>
    public required string Source { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset FirstFailedAt { get; init; }

    public DateTimeOffset LastFailedAt { get; init; }

    public DeadLetterState State { get; init; }

    /// <summary>The envelope as JSON, when the message was one; what a replay re-publishes.</summary>
    public string? Envelope { get; init; }

    /// <summary>The message body as received, when it was not an envelope (UTF-8 text, or base64 for binary).</summary>
    public string? RawMessage { get; init; }

    public int ReplayCount { get; init; }

    public string? LastReplayedBy { get; init; }

    public DateTimeOffset? LastReplayedAt { get; init; }

    public string? DiscardedBy { get; init; }

    public DateTimeOffset? DiscardedAt { get; init; }
}
