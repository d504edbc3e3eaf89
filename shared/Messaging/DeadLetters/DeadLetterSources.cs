namespace CoworkSync.Messaging.DeadLetters;

public static class DeadLetterSources
{
    /// <summary>Recorded by the event processor: a permanent failure, or retries exhausted.</summary>
    public const string ProcessEvent = "ProcessEvent";

    /// <summary>Recorded from the broker's dead-letter queue: the message kept crashing the handler.</summary>
    public const string DeadLetterQueue = "DeadLetterQueue";
}
