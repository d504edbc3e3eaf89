namespace CoworkSync.Platforms.Cobot;

/// <summary>A Cobot API call failed. The message names the operation and the status, never the token.</summary>
public sealed class CobotApiException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>Cobot's status; null when there was no answer (network error, timeout).</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>408, 429, 5xx, network errors and timeouts: asking again later may succeed.</summary>
    public bool IsTransient { get; } = isTransient;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Cobot refused the token: revoked, expired or lacking a scope.</summary>
    public bool TokenRejected => StatusCode is 401;

    public static bool IsTransientStatus(int statusCode) => statusCode is 408 or 429 or >= 500;
}
