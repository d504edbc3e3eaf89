namespace CoworkSync.Access;

/// <summary>
/// What a member may do, all of their groups merged by <see cref="AccessGroupMerger"/>. The meaning of each value is
/// that of <see cref="AccessGroup"/>; time windows are normalized (sorted, no overlaps, touching windows joined).
/// </summary>
public sealed record EffectiveAccess
{
    /// <summary>False only when no group applies (<see cref="None"/>); windows and hours may still leave no time to connect.</summary>
    public required bool HasAccess { get; init; }

    /// <summary>The merged groups, highest priority first.</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    public double? HoursPerCycle { get; init; }

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? TimeWindows { get; init; }

    public int? SessionTimeoutCapSeconds { get; init; }

    public int AcctInterimIntervalSeconds { get; init; } = AccessGroup.DefaultAcctInterimIntervalSeconds;

    public int? BandwidthDownKbps { get; init; }

    public int? BandwidthUpKbps { get; init; }

    public int? VlanId { get; init; }

    public int? MaxConcurrentSessions { get; init; }

    public IReadOnlyDictionary<string, string> ExtraReplyAttributes { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>No group: no hours, no window, no session.</summary>
    public static EffectiveAccess None { get; } = new()
    {
        HasAccess = false,
        HoursPerCycle = 0,
        TimeWindows = new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>(),
        SessionTimeoutCapSeconds = 0,
        MaxConcurrentSessions = 0,
    };
}
