namespace CoworkSync.Messaging.Processing;

public enum ProcessingOutcome
{
    Applied,
    AlreadyApplied,

    /// <summary>Another delivery of the same event is applying it right now; this one is a duplicate.</summary>
    InProgressElsewhere,
    RetryScheduled,
    DeadLettered,
}
