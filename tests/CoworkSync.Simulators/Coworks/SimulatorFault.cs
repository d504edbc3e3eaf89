using System.Net;

namespace CoworkSync.Simulators.Coworks;

/// <summary>An answer the simulator gives instead of the real one, to the next request.</summary>
/// <param name="RetryAfter">The <c>Retry-After</c> header value to send, if any (seconds or an HTTP date).</param>
public sealed record SimulatorFault(HttpStatusCode Status, string? RetryAfter = null);

/// <summary>A request the simulator received, and what it answered.</summary>
/// <param name="ElapsedSinceStart">Time since the simulator started, from a monotonic clock.</param>
public sealed record SimulatorRequest(string Method, string PathAndQuery, int Status, TimeSpan ElapsedSinceStart);
