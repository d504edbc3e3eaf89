namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A Coworks API call failed after the client's own retries. The message names the operation, the space and the
/// status, never the API key.
/// </summary>
public sealed class CoworksApiException : Exception
{
    public CoworksApiException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status Coworks answered with; null when there was no answer (network error, timeout, circuit open).</summary>
    public int? StatusCode { get; }

    /// <summary>True when trying again later may succeed: 408, 429, 5xx, network errors, timeouts, an open circuit.</summary>
    public bool IsTransient { get; }

    /// <summary>How long Coworks (or the open circuit) asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for statuses worth retrying later: 408, 429 and 5xx.</summary>
    public static bool IsTransientStatus(int statusCode) => statusCode is 408 or 429 or >= 500;
}
