namespace CoworkSync.Messaging.DeadLetters;

/// <summary>A page of the dead-letter list, optionally filtered (by the last failure's reason and time too).</summary>
public sealed record DeadLetterQuery(
    string? ConnectorId = null,
    string? EventType = null,
    DeadLetterState? State = null,
    int PageSize = 50,
    string? ContinuationToken = null,
    string? Reason = null,
    DateTimeOffset? FailedFrom = null,
    DateTimeOffset? FailedBefore = null);
