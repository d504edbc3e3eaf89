namespace CoworkSync.State.Tables;

/// <summary>A read-modify-write lost the ETag race more times than it may retry.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message, Exception? innerException = null) : base(message, innerException) { }
}
