using System.Text.Json.Serialization;

namespace CoworkSync.NetworkAccess;

/// <summary>One accounting session's seconds so far; the highest <c>Acct-Session-Time</c> seen wins.</summary>
/// <param name="Seconds">The highest <c>Acct-Session-Time</c> seen.</param>
/// <param name="Open">No Stop has closed the session yet.</param>
/// <param name="Nas">The NAS the session is on, as last reported; null when no report named it.</param>
/// <param name="UpdatedAt">When a report last changed it.</param>
/// <param name="CallingStationId">The device (<see cref="CallingStation"/>); null when no report named it.</param>
public sealed record SessionUsage(
    [property: JsonPropertyName("s")] long Seconds,
    [property: JsonPropertyName("o")] bool Open,
    [property: JsonPropertyName("n")] string? Nas,
    [property: JsonPropertyName("u")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("c"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallingStationId = null)
{
    /// <summary>
    /// The session after <paramref name="report"/>: the highest seconds win, a closed session stays closed (a late
    /// interim cannot reopen it), NAS and device keep their last known value. Null when the report changes nothing.
    /// </summary>
    public static SessionUsage? After(SessionUsage? previous, SessionReport report)
    {
        var next = new SessionUsage(
            Math.Max(previous?.Seconds ?? 0, Math.Max(0, report.Seconds)),
            (previous?.Open ?? true) && !report.Closes,
            report.Nas ?? previous?.Nas,
            report.At,
            report.CallingStationId ?? previous?.CallingStationId);
        return previous is not null && previous == next with { UpdatedAt = previous.UpdatedAt } ? null : next;
    }
}
