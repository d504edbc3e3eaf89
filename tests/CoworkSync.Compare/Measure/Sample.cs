using CoworkSync.Compare.Load;

namespace CoworkSync.Compare.Measure;

/// <summary>One run of one trial: what the load did, and each process's CPU in percent of one core over the run.</summary>
public sealed record Sample(LoadResult Load, IReadOnlyDictionary<string, double> CpuPercent);
