namespace CoworkSync.Administration.Audit;

/// <summary>One value a change set, as text: <c>locations[0].timeZone</c> from <c>Europe/Berlin</c> to <c>Europe/London</c>.</summary>
/// <param name="Field">Where the value is (a JSON path in the resource's admin API shape).</param>
/// <param name="Before">The value before; null when there was none.</param>
/// <param name="After">The value after; null when it was removed.</param>
public sealed record AuditChange(string Field, string? Before, string? After);
