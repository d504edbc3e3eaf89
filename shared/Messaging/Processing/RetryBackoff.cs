namespace CoworkSync.Messaging.Processing;

/// <summary>Exponential backoff with a cap and up to 20 % jitter, so retries of a burst do not arrive together.</summary>
public static class RetryBackoff
{
    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    /// <param name="options">The base delay and cap.</param>
    /// <param name="jitter">A value in [0, 1) that spreads the delay by up to 20 %.</param>
    public static TimeSpan DelayAfter(int failedAttempt, EventProcessingOptions options, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var baseTicks = Math.Min(options.BaseRetryDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks);
        var withJitter = baseTicks * (1 + (0.2 * jitter));
        return TimeSpan.FromTicks((long)Math.Min(withJitter, options.MaxRetryDelay.Ticks));
    }

    /// <summary>The backoff, or the wait the failure asked for (a Retry-After) when that is longer.</summary>
    public static TimeSpan AtLeast(TimeSpan backoff, Exception failure) =>
        failure is TransientEventException { RetryAfter: { } requested } && requested > backoff ? requested : backoff;
}
