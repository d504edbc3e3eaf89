namespace CoworkSync.State.Health;

/// <summary>Checks that one dependency (the table store, the events queue) can be reached right now.</summary>
public interface IHealthProbe
{
    /// <summary>Short name shown in the health report, e.g. <c>tables</c> or <c>queue</c>.</summary>
    string Name { get; }

    /// <summary>Never throws for an unreachable dependency: it reports it.</summary>
    Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken);
}
