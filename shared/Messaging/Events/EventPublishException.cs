namespace CoworkSync.Messaging.Events;

/// <summary>The events queue refused a message or could not be reached.</summary>
public sealed class EventPublishException : Exception
{
    public EventPublishException(string message, bool isTransient, Exception? innerException = null) : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when sending again later may succeed (timeouts, throttling, server errors).</summary>
    public bool IsTransient { get; }
}
