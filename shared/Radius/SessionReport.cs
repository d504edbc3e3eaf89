namespace CoworkSync.Radius;

/// <summary>What one accounting request says about a session.</summary>
/// <param name="Seconds">The session's <c>Acct-Session-Time</c>, or the part of it that a billing cycle is charged.</param>
/// <param name="Closes">A Stop, or the NAS restarted: the session is over.</param>
/// <param name="CallingStationId">The device, as <see cref="CallingStation"/> writes it; null when the NAS did not say.</param>
public sealed record SessionReport(string SessionId, long Seconds, bool Closes, string? Nas, string? CallingStationId, DateTimeOffset At);
