using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>One failure to record: of an envelope, or of a message that could not be read as one.</summary>
public sealed record DeadLetterFailure
{
    public EventEnvelope? Envelope { get; init; }

    public string? RawMessage { get; init; }

    public string? MessageId { get; init; }

    public required string Reason { get; init; }

    public string? ErrorDescription { get; init; }

    public required string Source { get; init; }

    public int Attempts { get; init; }

    public required DateTimeOffset FailedAt { get; init; }

    public string DeadLetterId => Envelope is { } e ? DeadLetterIds.For(e) : DeadLetterIds.ForMessage(MessageId);
}
