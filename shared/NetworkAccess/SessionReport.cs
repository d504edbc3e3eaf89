namespace CoworkSync.NetworkAccess;

/// <summary>What one accounting request says about a session.</summary>
/// <param name="SessionId">The session's id: <c>Acct-Unique-Session-Id</c>, else <c>Acct-Session-Id</c>.</param>
/// <param name="Seconds">
/// The session's <c>Acct-Session-Time</c>, cumulative; the row is charged it less what earlier rows were charged
/// (<see cref="SessionUsage.Before"/>). For the row a session leaves: the seconds up to where it left.
/// </param>
/// <param name="Closes">A Stop, or the NAS restarted: the session is over.</param>
/// <param name="Nas">The NAS that reported (its NAS-Identifier, else NAS-IP-Address); null when it did not say.</param>
/// <param name="CallingStationId">The device, as <see cref="CallingStation"/> writes it; null when the NAS did not say.</param>
/// <param name="At">When the report was received.</param>
/// <param name="ChargedBefore">
/// For a session new to the row, or held in a row written before rows kept <see cref="SessionUsage.Before"/>: its seconds
/// charged to earlier rows (<see cref="SessionSplit"/>).
/// </param>
/// <param name="MovedTo">With <paramref name="Closes"/>: the session is not over but goes on in this cycle's row.</param>
public sealed record SessionReport(
    string SessionId, long Seconds, bool Closes, string? Nas, string? CallingStationId, DateTimeOffset At, long ChargedBefore = 0, string? MovedTo = null);
