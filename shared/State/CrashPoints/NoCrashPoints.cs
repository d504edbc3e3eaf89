namespace CoworkSync.State.CrashPoints;

/// <summary>The product's crash points: none.</summary>
public sealed class NoCrashPoints : ICrashPoints
{
    public ValueTask ReachedAsync(CrashPoint point, string? eventId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
