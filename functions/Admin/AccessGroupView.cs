using CoworkSync.Access;

namespace CoworkSync.Functions.Admin;

/// <summary>An access group as the admin API shows it: the PUT body's fields plus <c>id</c> and <c>source</c> (<c>default</c> or <c>stored</c>).</summary>
public static class AccessGroupView
{
    public static object From(AccessGroupEntry entry)
    {
        var g = entry.Group;
        return new
        {
            id = g.Id,
            displayName = g.DisplayName,
            hoursPerCycle = g.HoursPerCycle,
            timeWindows = TimeWindowsJson.From(g.TimeWindows),
            sessionTimeoutCapSeconds = g.SessionTimeoutCapSeconds,
            acctInterimIntervalSeconds = g.AcctInterimIntervalSeconds,
            bandwidthDownKbps = g.BandwidthDownKbps,
            bandwidthUpKbps = g.BandwidthUpKbps,
            vlanId = g.VlanId,
            maxConcurrentSessions = g.MaxConcurrentSessions,
            priority = g.Priority,
            capsOthers = g.CapsOthers,
            extraReplyAttributes = g.ExtraReplyAttributes,
            source = entry.Source == AccessGroupSource.Stored ? "stored" : "default",
        };
    }
}
