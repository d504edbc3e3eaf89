namespace CoworkSync.Connectors;

/// <summary>The platform failed or answered something unusable, in platform-neutral terms.</summary>
public sealed class PlatformException(string message, bool isTransient, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>True when asking again later may succeed (network, timeout, throttling, server errors).</summary>
    public bool IsTransient { get; } = isTransient;
}
