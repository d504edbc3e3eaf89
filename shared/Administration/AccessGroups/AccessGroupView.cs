using CoworkSync.Access;

namespace CoworkSync.Administration.AccessGroups;

/// <summary>An access group as the admin API shows it: the PUT body's fields plus <c>id</c> and <c>source</c> (<c>default</c> or <c>stored</c>).</summary>
/// <param name="Id">The group's id.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="HoursPerCycle">Hours per billing cycle; null: unlimited.</param>
/// <param name="TimeWindows">When access is allowed, per weekday; null: always.</param>
/// <param name="SessionTimeoutCapSeconds">The longest session.</param>
/// <param name="AcctInterimIntervalSeconds">How often accounting reports.</param>
/// <param name="BandwidthDownKbps">Download limit.</param>
/// <param name="BandwidthUpKbps">Upload limit.</param>
/// <param name="VlanId">The VLAN.</param>
/// <param name="MaxConcurrentSessions">Devices at once.</param>
/// <param name="Priority">Which group wins a tie.</param>
/// <param name="CapsOthers">Whether it caps the member's other groups.</param>
/// <param name="ExtraReplyAttributes">More reply attributes.</param>
/// <param name="Source"><c>default</c> or <c>stored</c>.</param>
public sealed record AccessGroupView(
    string Id, string DisplayName, double? HoursPerCycle, Dictionary<string, List<TimeWindowJson>>? TimeWindows, int? SessionTimeoutCapSeconds,
    int AcctInterimIntervalSeconds, int? BandwidthDownKbps, int? BandwidthUpKbps, int? VlanId, int? MaxConcurrentSessions, int Priority, bool CapsOthers,
    IReadOnlyDictionary<string, string> ExtraReplyAttributes, string Source)
{
    public static AccessGroupView From(AccessGroupEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var g = entry.Group;
        return new(g.Id, g.DisplayName, g.HoursPerCycle, TimeWindowsJson.From(g.TimeWindows), g.SessionTimeoutCapSeconds, g.AcctInterimIntervalSeconds,
            g.BandwidthDownKbps, g.BandwidthUpKbps, g.VlanId, g.MaxConcurrentSessions, g.Priority, g.CapsOthers, g.ExtraReplyAttributes,
            entry.Source == AccessGroupSource.Stored ? "stored" : "default");
    }
}
