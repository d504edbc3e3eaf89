using System.Globalization;
using CoworkSync.Access;
using CoworkSync.Administration.AccessGroups;

namespace CoworkSync.Functions.Console.AccessGroups;

/// <summary>An access group's limits as the access groups page says them: what "none" means is said, never left blank.</summary>
public static class AccessGroupText
{
    /// <summary>Each weekday Monday first with its windows; a weekday without windows has no access.</summary>
    public static IReadOnlyList<(string Day, string Windows)> Schedule(AccessGroupView group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.TimeWindows is not { } windows)
            return [];
        return [.. Weekdays.MondayFirst.Select(day =>
        {
            var text = windows.TryGetValue(Weekdays.Name(day), out var list) && list.Count > 0
                ? string.Join(", ", list.Select(w => $"{w.Start}–{w.End}"))
                : "no access";
            return (day.ToString(), text);
        })];
    }

    public static string Hours(double? hoursPerCycle) =>
        hoursPerCycle is { } hours ? $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} hours per billing cycle" : "Unlimited";

    public static string Devices(int? maxConcurrentSessions) =>
        maxConcurrentSessions is { } devices ? $"{devices} at once" : "Unlimited";

    public static string Vlan(int? vlanId) => vlanId is { } vlan ? vlan.ToString(CultureInfo.InvariantCulture) : "None (the access point decides)";

    public static string Bandwidth(int? downKbps, int? upKbps) =>
        downKbps is null && upKbps is null ? "No limit" : $"{Kbps(downKbps)} down, {Kbps(upKbps)} up";

    public static string SessionCap(int? seconds) =>
        seconds is { } s ? Duration(s) : "No cap";

    public static string Duration(int seconds) =>
        seconds % 3600 == 0 ? $"{seconds / 3600} h" : seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds} s";

    private static string Kbps(int? kbps) =>
        kbps is { } k ? (k % 1000 == 0 ? $"{k / 1000} Mbit/s" : $"{k} kbit/s") : "unlimited";
}
