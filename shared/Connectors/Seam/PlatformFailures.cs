using CoworkSync.Messaging.Processing;

namespace CoworkSync.Connectors.Seam;

/// <summary>Platform failures as the event failure policy understands them, for sync runs and webhook and check-in handlers alike.</summary>
public static class PlatformFailures
{
    /// <returns>
    /// Missing credentials or a refusal: permanent (dead-lettered). A transient failure: retried, no earlier than the
    /// platform's Retry-After. Null when <paramref name="exception"/> is not a platform failure.
    /// </returns>
    public static Exception? ToEventException(Exception exception) => exception switch
    {
        MissingCredentialsException => new PermanentEventException(DeadLetterReasons.MissingCredentials, exception.Message, exception),
        PlatformException { IsTransient: true } platform => new TransientEventException(exception.Message, exception, platform.RetryAfter),
        PlatformException => new PermanentEventException(DeadLetterReasons.PlatformRefused, exception.Message, exception),
        _ => null,
    };
}
