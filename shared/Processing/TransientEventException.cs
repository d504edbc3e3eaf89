namespace CoworkSync.Processing;

/// <summary>An event that failed for a reason that may pass: it is retried later with backoff.</summary>
public sealed class TransientEventException : Exception
{
    public TransientEventException(string message, Exception? innerException = null) : base(message, innerException) { }
}
