namespace CoworkSync.Compare.Load;

/// <summary>What one load run did: requests answered as expected, the others, its wall time and latency, and the load generator's CPU ticks.</summary>
/// <param name="Failed">Requests that got another answer than expected (a reject, a 4xx/5xx) or none.</param>
/// <param name="P99Milliseconds">The 99th percentile latency when the generator reports one (wrk), else null.</param>
public sealed record LoadResult(long Succeeded, long Failed, TimeSpan Elapsed, long GeneratorTicks, double? P99Milliseconds = null)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;
}
