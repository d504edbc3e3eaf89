namespace CoworkSync.Processing;

public enum ProcessingOutcome
{
    Applied,
    AlreadyApplied,
    RetryScheduled,
    DeadLettered,
}
