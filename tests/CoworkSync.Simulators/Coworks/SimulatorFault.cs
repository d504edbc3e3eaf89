using System.Net;

namespace CoworkSync.Simulators.Coworks;

/// <summary>How a fault answers.</summary>
public enum SimulatorFaultKind
{
    /// <summary>An error status (with its <c>Retry-After</c>, if any) and a JSON error body.</summary>
    Status,

    /// <summary>No answer for <see cref="SimulatorFault.Delay"/> (longer than the client waits), then the real one.</summary>
    Hang,

    /// <summary>The real answer, after <see cref="SimulatorFault.Delay"/>.</summary>
    Slow,

    /// <summary>200 and the start of the real body, then the connection is closed.</summary>
    CloseMidBody,

    /// <summary>200 with the real body cut in half: a complete HTTP answer whose JSON ends early.</summary>
    TruncatedJson,

    /// <summary>200 with a body that is not JSON at all.</summary>
    InvalidJson,
}

/// <summary>An answer the simulator gives instead of the real one, to the next request.</summary>
/// <param name="RetryAfter">The <c>Retry-After</c> header value to send, if any (seconds or an HTTP date).</param>
public sealed record SimulatorFault(HttpStatusCode Status, string? RetryAfter = null)
{
    public SimulatorFaultKind Kind { get; init; } = SimulatorFaultKind.Status;

    public TimeSpan Delay { get; init; }

    public static SimulatorFault Of(SimulatorFaultKind kind, TimeSpan delay = default) => new(HttpStatusCode.OK) { Kind = kind, Delay = delay };
}

/// <summary>A request the simulator received, and what it answered.</summary>
/// <param name="ElapsedSinceStart">Time since the simulator started, from a monotonic clock.</param>
public sealed record SimulatorRequest(string Method, string PathAndQuery, int Status, TimeSpan ElapsedSinceStart)
{
    /// <summary>The <c>Retry-After</c> the answer carried, if any.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>The fault that answered instead of the real answer, if any.</summary>
    public SimulatorFaultKind? Fault { get; init; }
}
