namespace CoworkSync.State.Health;

/// <param name="Healthy">Whether the dependency answered.</param>
/// <param name="Detail">What failed, in words safe to show anyone: never a secret or a connection string.</param>
public sealed record HealthProbeResult(bool Healthy, string? Detail = null)
{
    public static HealthProbeResult Ok { get; } = new(true);

    public static HealthProbeResult Down(string detail) => new(false, detail);
}
