namespace CoworkSync.Messaging.DeadLetters;

/// <summary>A page of the dead-letter list, optionally filtered.</summary>
public sealed record DeadLetterQuery(
    string? ConnectorId = null,
    string? EventType = null,
    DeadLetterState? State = null,
    int PageSize = 50,
    string? ContinuationToken = null);
