namespace CoworkSync.Messaging.DeadLetters;

/// <summary>Something support staff did to a dead letter: who, what, when.</summary>
public sealed record DeadLetterAuditEntry(string Action, string Actor, DateTimeOffset At, string? Comment);
