namespace CoworkSync.NetworkAccess;

/// <summary>
/// Told when accounting stores a new session. It runs while FreeRADIUS waits for its Accounting-Response (rlm_rest gives
/// it a few seconds), so it only queues work, within a short bound of its own; a failure is logged and never fails the
/// accounting request.
/// </summary>
public interface ISessionStartObserver
{
    Task SessionStartedAsync(SessionStart start, CancellationToken cancellationToken);
}
