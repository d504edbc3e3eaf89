namespace CoworkSync.Messaging.Processing;

public enum ProcessingOutcome
{
    Applied,
    AlreadyApplied,

    /// <summary>
    /// Another delivery holds the event's claim; this one sent the event again for when that claim ends (in case its
    /// holder died) and is done.
    /// </summary>
    InProgressElsewhere,
    RetryScheduled,
    DeadLettered,
}
