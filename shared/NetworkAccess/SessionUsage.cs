using System.Text.Json.Serialization;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// One accounting session's seconds in one billing cycle's row: the highest <c>Acct-Session-Time</c> seen wins, less
/// what other cycles' rows were charged before the session came to this one.
/// </summary>
/// <param name="Seconds">The seconds this row is charged: the highest <c>Acct-Session-Time</c> seen less <paramref name="Before"/>.</param>
/// <param name="Open">No Stop has closed the session yet.</param>
/// <param name="Nas">The NAS the session is on, as last reported; null when no report named it.</param>
/// <param name="UpdatedAt">When a report last changed it.</param>
/// <param name="CallingStationId">The device (<see cref="CallingStation"/>); null when no report named it.</param>
/// <param name="Before">
/// The session's seconds charged to earlier rows before it came to this one. Null in rows written before it was kept:
/// such a row is charged as it was then, the seconds since the cycle's start by the app's clock.
/// </param>
/// <param name="MovedTo">
/// The cycle whose row the session went on in: closed here because it moved there, not because it ended. Null otherwise.
/// </param>
public sealed record SessionUsage(
    [property: JsonPropertyName("s")] long Seconds,
    [property: JsonPropertyName("o")] bool Open,
    [property: JsonPropertyName("n")] string? Nas,
    [property: JsonPropertyName("u")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("c"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallingStationId = null,
    [property: JsonPropertyName("b"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Before = null,
    [property: JsonPropertyName("m"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MovedTo = null)
{
    /// <summary>
    /// The session after <paramref name="report"/>: the highest seconds win, a closed session stays closed (a late
    /// interim cannot reopen it), NAS and device keep their last known value. A session new to the row takes the
    /// report's <see cref="SessionReport.ChargedBefore"/> as what earlier rows were charged; one the row holds keeps its
    /// own. Null when the report changes nothing.
    /// </summary>
    public static SessionUsage? After(SessionUsage? previous, SessionReport report)
    {
        var charged = report.Seconds - (previous is null ? report.ChargedBefore : previous.Before ?? report.ChargedBefore);
        var next = new SessionUsage(
            Math.Max(previous?.Seconds ?? 0, Math.Max(0, charged)),
            (previous?.Open ?? true) && !report.Closes,
            report.Nas ?? previous?.Nas,
            report.At,
            report.CallingStationId ?? previous?.CallingStationId,
            previous is null ? Math.Max(0, report.ChargedBefore) : previous.Before,
            previous?.MovedTo ?? (report.Closes && previous?.Open != false ? report.MovedTo : null));
        return previous is not null && previous == next with { UpdatedAt = previous.UpdatedAt } ? null : next;
    }
}
