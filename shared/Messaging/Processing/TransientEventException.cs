namespace CoworkSync.Messaging.Processing;

/// <summary>An event that failed for a reason that may pass: it is retried later with backoff.</summary>
public sealed class TransientEventException : Exception
{
    public TransientEventException(string message, Exception? innerException = null, TimeSpan? retryAfter = null) : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the failing service asked to be left alone (its Retry-After): the retry comes no earlier.</summary>
    public TimeSpan? RetryAfter { get; }
}
