using CoworkSync.Access;

namespace CoworkSync.NetworkAccess;

/// <summary>How long an accepted session may last before the access point must ask again.</summary>
public static class SessionTimeout
{
    /// <summary>
    /// The shortest of: the deployment's maximum, the groups' cap, the hours left in the cycle and the whole seconds
    /// until the current window ends, so a session never outlasts its window; at least one second, because some access
    /// points read 0 as no limit.
    /// </summary>
    public static long For(EffectiveAccess access, long? remainingSeconds, DateTimeOffset? windowEnd, DateTimeOffset now, int maxSeconds)
    {
        long timeout = maxSeconds;
        if (access.SessionTimeoutCapSeconds is { } cap)
            timeout = Math.Min(timeout, cap);
        if (remainingSeconds is { } left)
            timeout = Math.Min(timeout, left);
        if (windowEnd is { } end)
            timeout = Math.Min(timeout, Math.Max(1, (long)Math.Floor((end - now).TotalSeconds)));
        return timeout;
    }
}
