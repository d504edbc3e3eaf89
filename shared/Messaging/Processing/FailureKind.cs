namespace CoworkSync.Messaging.Processing;

public enum FailureKind
{
    /// <summary>May succeed later: re-published with a backoff delay.</summary>
    Transient,

    /// <summary>Can never succeed: recorded as a dead letter at once.</summary>
    Permanent,

    /// <summary>Unexpected: the invocation fails so the broker redelivers, and dead-letters past its max delivery count.</summary>
    Crash,
}
