namespace CoworkSync.Connectors.Seam;

/// <summary>The platform failed or answered something unusable, in platform-neutral terms.</summary>
public sealed class PlatformException(string message, bool isTransient, Exception? innerException = null, TimeSpan? retryAfter = null) : Exception(message, innerException)
{
    /// <summary>True when asking again later may succeed (network, timeout, throttling, server errors).</summary>
    public bool IsTransient { get; } = isTransient;

    /// <summary>How long the platform asked to be left alone (its Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
