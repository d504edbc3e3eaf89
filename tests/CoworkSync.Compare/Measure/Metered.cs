using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Measure;

/// <summary>A process whose CPU share a run reports, under a short label (e.g. <c>app</c>, <c>azurite</c>).</summary>
public sealed record Metered(string Label, Func<Started> Process)
{
    public long Ticks() => CpuTicks.OfTree(Process().Pid);
}
