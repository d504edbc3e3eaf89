namespace CoworkSync.Compare.Report;

/// <summary>One line of the table: a figure of CoworkSync's, its ceiling (or reference) in the same run, the ratio, the goal, and CPU shares.</summary>
public sealed record Row(string Path, string Ours, string Ceiling, string Ratio, string Goal, string CpuOurs, string CpuCeiling);
