using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// No cost that grows with the tables: the same loads with many rows (the large world) and with the bench members only
/// (the small world), measured in the same interleaved rounds; and the storage ceilings in both, which show whether
/// Azurite itself slows with the tables' size.
/// </summary>
public static class Scale
{
    public static void AddRows(Bench bench, string path, Figure small, Figure large, bool ceiling)
    {
        var rows = ceiling ? "storage ceiling: Azurite alone" : "CoworkSync";
        bench.Table.Add(new Row($"Scale, {path} ({rows}): {bench.LargeLabel} rows vs {bench.SmallLabel}",
            $"{bench.LargeLabel}: {Format.Rate(large)}", $"{bench.SmallLabel}: {Format.Rate(small)}",
            Format.Ratio(large.PerSecond, small.PerSecond), ceiling ? "(reference)" : "≥ 0.90", Format.Cpu(large), Format.Cpu(small)));
    }
}
