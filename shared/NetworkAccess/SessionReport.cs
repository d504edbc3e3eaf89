namespace CoworkSync.NetworkAccess;

/// <summary>What one accounting request says about a session.</summary>
/// <param name="SessionId">The session's id: <c>Acct-Unique-Session-Id</c>, else <c>Acct-Session-Id</c>.</param>
/// <param name="Seconds">The session's <c>Acct-Session-Time</c>, or the part of it that a billing cycle is charged.</param>
/// <param name="Closes">A Stop, or the NAS restarted: the session is over.</param>
/// <param name="Nas">The NAS that reported (its NAS-Identifier, else NAS-IP-Address); null when it did not say.</param>
/// <param name="CallingStationId">The device, as <see cref="CallingStation"/> writes it; null when the NAS did not say.</param>
/// <param name="At">When the report was received.</param>
public sealed record SessionReport(string SessionId, long Seconds, bool Closes, string? Nas, string? CallingStationId, DateTimeOffset At);
