using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Connectors.Cobot;

/// <summary>
/// Every Cobot request passes here: it waits for its slot from <see cref="CobotRateLimiter"/> (per token), and a 429
/// blocks the token for Retry-After and is retried up to <see cref="CobotClientOptions.MaxThrottleRetries"/> times.
/// A wait longer than <see cref="CobotClientOptions.MaxWait"/> is not sat through (and its slot is not taken): a 429
/// goes back to the client, which fails transiently with the Retry-After, and the event queue retries later. Each
/// attempt, reading its response body included, is bounded by <see cref="CobotClientOptions.Timeout"/>.
/// </summary>
public sealed class CobotRateLimitHandler(
    CobotRateLimiter limiter, ICobotDelay delay, TimeProvider time, IOptions<CobotClientOptions> options, ILogger<CobotRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var key = TokenKey(request);
        var membershipList = IsMembershipList(request);
        for (var attempt = 0; ; attempt++)
        {
            if (!limiter.TryReserve(key, membershipList, out var wait))
                return Throttled(request, wait);
            if (wait > TimeSpan.Zero)
                logger.WaitingForSlot(LoggedPath(request), wait);
            await delay.DelayAsync(wait, cancellationToken);

            HttpResponseMessage response;
            using (var attemptTimeout = new CancellationTokenSource(o.Timeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                response = await base.SendAsync(request, linked.Token);
                // The client's own timeout is infinite (slot waits can be long): the attempt's covers the body too.
                try
                {
                    await response.Content.LoadIntoBufferAsync(linked.Token);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                return response;

            var retryAfter = RetryAfterHeader.Read(response, time.GetUtcNow()) ?? TimeSpan.FromSeconds(60);
            limiter.Block(key, retryAfter);
            logger.Throttled(LoggedPath(request), retryAfter, attempt + 1);
            if (attempt >= o.MaxThrottleRetries || retryAfter > o.MaxWait)
                return response;
            response.Dispose();
        }
    }

    /// <summary><c>GET /api/memberships</c> itself (the list), which Cobot limits to 6 a minute; one membership is not.</summary>
    public static bool IsMembershipList(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri?.AbsolutePath.TrimEnd('/') == "/api/memberships";

    /// <summary>The path for a log line: <c>/api/access_tokens/{token}/…</c> carries a token, which is never logged.</summary>
    public static string LoggedPath(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        const string tokens = "/api/access_tokens/";
        if (!path.StartsWith(tokens, StringComparison.Ordinal))
            return path;
        var rest = path[tokens.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return tokens + "***" + (slash < 0 ? "" : rest[slash..]);
    }

    /// <summary>Limits count per token; the key is a hash so the token itself is not kept here.</summary>
    private static string TokenKey(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter ?? "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 12);
    }

    private static HttpResponseMessage Throttled(HttpRequestMessage request, TimeSpan wait)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        return response;
    }
}
