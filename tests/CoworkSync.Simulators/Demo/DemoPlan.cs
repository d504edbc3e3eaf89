namespace CoworkSync.Simulators.Demo;

/// <summary>A plan of the demo space and the access groups CoworkSync maps it to (none: no WiFi).</summary>
public sealed record DemoPlan(string Id, string Name, IReadOnlyList<string> Groups)
{
    public static readonly DemoPlan Flex = new("pln_flex", "Flex", ["flex"]);
    public static readonly DemoPlan FullTime = new("pln_fulltime", "Full-time", ["fulltime"]);
    public static readonly DemoPlan Dedicated = new("pln_dedicated", "Dedicated", ["dedicated"]);
    public static readonly DemoPlan Virtual = new("pln_virtual", "Virtual", []);
}
