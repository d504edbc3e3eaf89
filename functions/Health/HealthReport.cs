using CoworkSync.State.Health;

namespace CoworkSync.Functions.Health;

/// <summary>
/// Every health probe's answer, each within <see cref="ProbeTimeout"/>: what <c>GET /api/health</c> reports and what the
/// console's overview shows.
/// </summary>
/// <param name="Checks">Each probe's name and answer.</param>
public sealed record HealthReport(IReadOnlyList<(string Name, HealthProbeResult Result)> Checks)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public bool Healthy => Checks.All(c => c.Result.Healthy);

    public static async Task<HealthReport> CollectAsync(IEnumerable<IHealthProbe> probes, TimeProvider time, CancellationToken cancellationToken) =>
        new(await Task.WhenAll(probes.Select(async probe => (probe.Name, await RunAsync(probe, time, cancellationToken)))));

    private static async Task<HealthProbeResult> RunAsync(IHealthProbe probe, TimeProvider time, CancellationToken cancellationToken)
    {
        using var late = new CancellationTokenSource(ProbeTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, late.Token);
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
