namespace CoworkSync.Access;

/// <summary>
/// The access groups every deployment starts with; an operator replaces any of them with
/// <c>PUT /api/admin/access-groups/{groupId}</c>. All account for usage every 300 s and set no VLAN.
/// <list type="table">
/// <listheader><term>group</term><description>hours per cycle · windows (local time) · session cap · bandwidth down/up · sessions · priority</description></listheader>
/// <item><term><c>flex</c></term><description>40 h · Mon–Fri 08:00–20:00 · none · 10/10 Mbit/s · 3 · 10</description></item>
/// <item><term><c>fulltime</c></term><description>unlimited · 24/7 · none · 50/50 Mbit/s · 3 · 20</description></item>
/// <item><term><c>dedicated</c></term><description>unlimited · 24/7 · none · 100/100 Mbit/s · 5 · 30</description></item>
/// <item><term><c>trial</c></term><description>5 h · Mon–Fri 09:00–18:00 · 2 h · 5/5 Mbit/s · 2 · 0; caps others</description></item>
/// </list>
/// A trial member (the provisioning adds <c>trial</c> to the plan's groups) therefore gets at most the trial's values
/// whatever the plan.
/// </summary>
public static class AccessGroupDefaults
{
    public static AccessGroup Flex { get; } = new()
    {
        Id = AccessGroups.Flex,
        DisplayName = "Flex",
        HoursPerCycle = 40,
        TimeWindows = Weekdays.MondayToFriday.ToDictionary(d => d, _ => (IReadOnlyList<TimeWindow>)[new TimeWindow(new(8, 0), new(20, 0))]),
        BandwidthDownKbps = 10_000,
        BandwidthUpKbps = 10_000,
        MaxConcurrentSessions = 3,
        Priority = 10,
    };

    public static AccessGroup FullTime { get; } = new()
    {
        Id = AccessGroups.FullTime,
        DisplayName = "Full-time",
        BandwidthDownKbps = 50_000,
        BandwidthUpKbps = 50_000,
        MaxConcurrentSessions = 3,
        Priority = 20,
    };

    public static AccessGroup Dedicated { get; } = new()
    {
        Id = AccessGroups.Dedicated,
        DisplayName = "Dedicated",
        BandwidthDownKbps = 100_000,
        BandwidthUpKbps = 100_000,
        MaxConcurrentSessions = 5,
        Priority = 30,
    };

    public static AccessGroup Trial { get; } = new()
    {
        Id = AccessGroups.Trial,
        DisplayName = "Trial",
        HoursPerCycle = 5,
        TimeWindows = Weekdays.MondayToFriday.ToDictionary(d => d, _ => (IReadOnlyList<TimeWindow>)[new TimeWindow(new(9, 0), new(18, 0))]),
        SessionTimeoutCapSeconds = 2 * 3600,
        BandwidthDownKbps = 5_000,
        BandwidthUpKbps = 5_000,
        MaxConcurrentSessions = 2,
        Priority = 0,
        CapsOthers = true,
    };

    public static IReadOnlyList<AccessGroup> All { get; } = [Flex, FullTime, Dedicated, Trial];

    public static AccessGroup? Find(string groupId) => All.FirstOrDefault(g => string.Equals(g.Id, groupId, StringComparison.Ordinal));

    public static bool IsDefault(string groupId) => Find(groupId) is not null;
}
