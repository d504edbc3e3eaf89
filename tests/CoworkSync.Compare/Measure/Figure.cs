namespace CoworkSync.Compare.Measure;

/// <summary>A trial's figure over its rounds: medians of throughput, p99 and each process's CPU share, and the failures.</summary>
public sealed record Figure(double PerSecond, double? P99Milliseconds, IReadOnlyDictionary<string, double> CpuPercent, long Failed, int Rounds)
{
    public static Figure Of(IReadOnlyList<Sample> samples) => new(
        Median(samples.Select(s => s.Load.PerSecond)),
        samples.All(s => s.Load.P99Milliseconds is not null) ? Median(samples.Select(s => s.Load.P99Milliseconds!.Value)) : null,
        samples.SelectMany(s => s.CpuPercent.Keys).Distinct().ToDictionary(k => k, k => Median(samples.Select(s => s.CpuPercent.GetValueOrDefault(k)))),
        samples.Sum(s => s.Load.Failed),
        samples.Count);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
