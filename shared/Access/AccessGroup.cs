namespace CoworkSync.Access;

/// <summary>
/// What membership of a group allows at RADIUS time. A member may be in several groups;
/// <see cref="AccessGroupMerger"/> turns them into one <see cref="EffectiveAccess"/>.
/// </summary>
public sealed record AccessGroup
{
    public const int DefaultAcctInterimIntervalSeconds = 300;

    /// <summary>Lowercase letters, digits and dashes (see <see cref="AccessGroupInput.IsValidGroupId"/>).</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Connected hours per billing cycle; null means unlimited.</summary>
    public double? HoursPerCycle { get; init; }

    /// <summary>
    /// Per weekday, the windows of access in the location's local time. Null means around the clock (24/7); a weekday
    /// missing from a non-null map, or mapped to an empty list, means no access that day.
    /// </summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>>? TimeWindows { get; init; }

    /// <summary>The longest a single session may last (RADIUS <c>Session-Timeout</c>); null means no cap.</summary>
    public int? SessionTimeoutCapSeconds { get; init; }

    /// <summary>How often the access point reports usage (RADIUS <c>Acct-Interim-Interval</c>).</summary>
    public int AcctInterimIntervalSeconds { get; init; } = DefaultAcctInterimIntervalSeconds;

    /// <summary>Download limit in kbit/s; null means no limit.</summary>
    public int? BandwidthDownKbps { get; init; }

    /// <summary>Upload limit in kbit/s; null means no limit.</summary>
    public int? BandwidthUpKbps { get; init; }

    /// <summary>The VLAN to put the member's traffic on; null leaves it to the access point.</summary>
    public int? VlanId { get; init; }

    /// <summary>How many sessions may be open at once; null means unlimited.</summary>
    public int? MaxConcurrentSessions { get; init; }

    /// <summary>Decides which group's VLAN and extra reply attributes win when several set them: higher wins.</summary>
    public int Priority { get; init; }

    /// <summary>
    /// A capping group (trial) limits every other group of the member: the member gets at most this group's hours,
    /// windows, session cap, bandwidth and concurrent sessions, whatever else they are in.
    /// </summary>
    public bool CapsOthers { get; init; }

    /// <summary>Further RADIUS reply attributes, e.g. <c>Idle-Timeout</c> → <c>600</c>.</summary>
    public IReadOnlyDictionary<string, string> ExtraReplyAttributes { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
