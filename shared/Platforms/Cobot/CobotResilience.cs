using System.Net;
using CoworkSync.Connectors.Seam;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The strategies of the Cobot HttpClient's pipeline: throttle retry → rate limiter → attempt timeout, all waiting on
/// the pipeline's <see cref="TimeProvider"/> or the limiter's. Only 429s are retried inside a call: other failures
/// (5xx, network, timeouts) go back to the caller, and the event is retried by the failure policy.
/// </summary>
internal static class CobotResilience
{
    /// <summary>What a 429 without <c>Retry-After</c> is taken to ask for.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Sees every answer. A 429 blocks the token in <paramref name="limiter"/> until its <c>Retry-After</c>, and is
    /// retried up to <see cref="CobotClientOptions.MaxThrottleRetries"/> times when that wait is within
    /// <see cref="CobotClientOptions.MaxWait"/>; otherwise it goes back to the client, which fails transiently with
    /// the wait. The retry itself does not pause: its new slot from the limiter, after the block, is the wait.
    /// </summary>
    public static RetryStrategyOptions<HttpResponseMessage> ThrottleRetry(CobotClientOptions options, CobotRateLimiter limiter, TimeProvider time, ILogger logger) => new()
    {
        Name = "cobot-throttle-retry",
        // Polly asks for at least one; the predicate stops at MaxThrottleRetries, which may be 0.
        MaxRetryAttempts = Math.Max(1, options.MaxThrottleRetries),
        BackoffType = DelayBackoffType.Constant,
        Delay = TimeSpan.Zero,
        UseJitter = false,
        ShouldHandle = args =>
        {
            if (args.Outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response
                || args.Context.GetRequestMessage() is not { } request)
                return ValueTask.FromResult(false);
            var retryAfter = RetryAfterHeader.Read(response, time.GetUtcNow()) ?? DefaultRetryAfter;
            limiter.Block(request, retryAfter);
            logger.Throttled(CobotRequests.LoggedPath(request), retryAfter, args.AttemptNumber + 1);
            return ValueTask.FromResult(args.AttemptNumber < options.MaxThrottleRetries && retryAfter <= options.MaxWait);
        },
    };

    /// <summary>
    /// Each request (each retry too) gets its slot from <paramref name="limiter"/>; one too far away is refused with a
    /// <see cref="RateLimiterRejectedException"/> carrying the wait.
    /// </summary>
    public static RateLimiterStrategyOptions RateLimiter(CobotRateLimiter limiter) => new()
    {
        Name = "cobot-rate-limiter",
        RateLimiter = args => limiter.AcquireAsync(
            args.Context.GetRequestMessage() ?? throw new InvalidOperationException("The Cobot pipeline runs only inside its HttpClient."),
            permitCount: 1, args.Context.CancellationToken),
    };

    /// <summary>
    /// Bounds one attempt (<see cref="CobotClientOptions.Timeout"/>), reading its body included (see
    /// <see cref="CobotResponseBuffering"/>); it fails with a <see cref="TimeoutRejectedException"/>.
    /// </summary>
    public static TimeoutStrategyOptions AttemptTimeout(CobotClientOptions options) => new()
    {
        Name = "cobot-attempt-timeout",
        Timeout = options.Timeout,
    };
}
