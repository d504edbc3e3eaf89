namespace CoworkSync.Messaging.Processing;

/// <summary>An event that no retry can apply. It is recorded as a dead letter with <see cref="Reason"/>.</summary>
public sealed class PermanentEventException : Exception
{
    public PermanentEventException(string reason, string message, Exception? innerException = null) : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>A short machine-readable reason, e.g. <see cref="DeadLetterReasons.UnknownConnector"/>.</summary>
    public string Reason { get; }
}
