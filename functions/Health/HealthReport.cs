using CoworkSync.Health;

namespace CoworkSync.Functions.Health;

/// <summary>
/// Every health probe's answer, each within <see cref="ProbeTimeout"/>: what <c>GET /api/health</c> reports and what the
/// console's overview shows.
/// </summary>
public sealed record HealthReport(IReadOnlyList<(string Name, HealthProbeResult Result)> Checks)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public bool Healthy => Checks.All(c => c.Result.Healthy);

    public static async Task<HealthReport> CollectAsync(IEnumerable<IHealthProbe> probes, CancellationToken cancellationToken) =>
        new(await Task.WhenAll(probes.Select(async probe => (probe.Name, await RunAsync(probe, cancellationToken)))));

    private static async Task<HealthProbeResult> RunAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await probe.CheckAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Down($"no answer within {ProbeTimeout.TotalSeconds:0} s");
        }
    }
}
