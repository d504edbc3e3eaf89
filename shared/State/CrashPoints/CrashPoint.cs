namespace CoworkSync.State.CrashPoints;

/// <summary>A moment while an event is applied at which the reliability tests kill the process.</summary>
public enum CrashPoint
{
    /// <summary>The delivery holds the event's claim; nothing of the event is applied yet.</summary>
    AfterClaim,

    /// <summary>The member's account and record are written; the welcome email is not queued yet.</summary>
    AfterAccountWrite,

    /// <summary>The handler is done; the event is not marked applied yet.</summary>
    BeforeMarkApplied,
}
