namespace CoworkSync.Messaging.Events;

/// <summary>A queue message that cannot be read as an <see cref="EventEnvelope"/>.</summary>
public sealed class MalformedEnvelopeException : Exception
{
    public MalformedEnvelopeException(string message) : base(message) { }

    public MalformedEnvelopeException(string message, Exception innerException) : base(message, innerException) { }
}
