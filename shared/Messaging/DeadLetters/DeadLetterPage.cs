namespace CoworkSync.Messaging.DeadLetters;

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? ContinuationToken);
