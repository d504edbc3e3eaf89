using System.Net;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Reads Coworks' <c>Retry-After</c> on 429 and 503, as seconds or as an HTTP date.</summary>
internal static class CoworksRetryAfter
{
    /// <summary>
    /// The wait a 429 or 503 <paramref name="response"/> asks for (never negative); null for other responses and
    /// when there is no <c>Retry-After</c>.
    /// </summary>
    public static TimeSpan? Requested(HttpResponseMessage? response, DateTimeOffset now) =>
        response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            ? RetryAfterHeader.Read(response, now)
            : null;

    /// <summary>
    /// The retry strategy's delay generator: the requested wait when there is one (at most
    /// <paramref name="maxDelay"/>), otherwise null so the exponential backoff with jitter applies.
    /// </summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, DateTimeOffset now, TimeSpan maxDelay) =>
        Requested(response, now) is { } wait ? (wait > maxDelay ? maxDelay : wait) : null;

    /// <summary>True when Coworks asks for a longer wait than the client will sit through: give up and let the caller retry later.</summary>
    public static bool TooLong(HttpResponseMessage? response, DateTimeOffset now, TimeSpan maxDelay) =>
        Requested(response, now) > maxDelay;
}
