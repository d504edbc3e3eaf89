using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// The strategies of the Coworks HttpClient's pipeline: total timeout → retry → circuit breaker → attempt timeout.
/// Every Coworks call is a GET, so a retry is always safe.
/// </summary>
internal static class CoworksResilience
{
    /// <summary>
    /// Retries 408, 429, 5xx, network errors and attempt timeouts with exponential backoff and jitter. A 429 or 503
    /// with <c>Retry-After</c> waits what Coworks asks for instead; one that asks for more than
    /// <see cref="CoworksClientOptions.MaxRetryDelay"/> is not retried here, so the caller can come back later.
    /// </summary>
    public static HttpRetryStrategyOptions Retry(CoworksClientOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new HttpRetryStrategyOptions
        {
            // Retry-After is read by the delay generator below, on 429 and 503 only, and capped.
            ShouldRetryAfterHeader = false,
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
        };
        var isTransient = retry.ShouldHandle;
        retry.ShouldHandle = args => CoworksRetryAfter.TooLong(args.Outcome.Result, time.GetUtcNow(), options.MaxRetryDelay)
            ? ValueTask.FromResult(false)
            : isTransient(args);
        retry.DelayGenerator = args => ValueTask.FromResult(CoworksRetryAfter.Delay(args.Outcome.Result, time.GetUtcNow(), options.MaxRetryDelay));
        retry.OnRetry = args =>
        {
            var outcome = args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : args.Outcome.Exception?.GetType().Name ?? "nothing";
            logger.Retrying(args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "?", outcome, args.AttemptNumber + 1, args.RetryDelay);
            return default;
        };
        return retry;
    }

    /// <summary>
    /// Opens for 15 s when at least half of 10 or more attempts in 30 s failed transiently, so a Coworks outage is
    /// not hammered by every webhook and poll. One circuit per API authority (all spaces at one host share it).
    /// </summary>
    public static HttpCircuitBreakerStrategyOptions CircuitBreaker() => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 10,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
    };
}
