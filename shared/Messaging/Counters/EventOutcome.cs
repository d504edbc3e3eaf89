namespace CoworkSync.Messaging.Counters;

/// <summary>What became of an event, as the hourly counters count it.</summary>
public enum EventOutcome
{
    /// <summary>A webhook was accepted and queued (answered 202).</summary>
    Accepted,

    /// <summary>The processor applied an event.</summary>
    Applied,

    /// <summary>The processor scheduled a retry after a transient failure.</summary>
    Retried,

    /// <summary>An event became a dead letter (the processor gave up, or the broker did).</summary>
    DeadLettered,
}
