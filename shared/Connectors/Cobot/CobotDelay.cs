namespace CoworkSync.Connectors.Cobot;

/// <summary>How the Cobot client waits (for a rate-limit slot, a Retry-After): tests substitute one that does not sleep.</summary>
public interface ICobotDelay
{
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Waits on the app's <see cref="TimeProvider"/>.</summary>
public sealed class CobotDelay(TimeProvider time) : ICobotDelay
{
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
