namespace CoworkSync.Messaging.DeadLetters;

/// <summary>
/// A dead letter's history: each time its event failed (<see cref="Failed"/>: the actor is where it was dead-lettered,
/// the comment its reason, tries and error), and each thing support staff did to it (who, what, when, why).
/// </summary>
public sealed record DeadLetterAuditEntry(string Action, string Actor, DateTimeOffset At, string? Comment)
{
    public const string Failed = "failed";
    public const string Replayed = "replayed";
    public const string Discarded = "discarded";
}
