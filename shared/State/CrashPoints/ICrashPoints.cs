namespace CoworkSync.State.CrashPoints;

/// <summary>
/// Places in the event pipeline where a test can stop the process at a known moment and then kill it. Inert in the
/// product (<see cref="NoCrashPoints"/>); local mode replaces it only when the setting <c>LocalMode__CrashPoint</c> is
/// set (docs/reliability.md).
/// </summary>
public interface ICrashPoints
{
    /// <summary>Returns at once, unless a test asked to stop here for this event: then it never returns.</summary>
    ValueTask ReachedAsync(CrashPoint point, string? eventId, CancellationToken cancellationToken);
}
