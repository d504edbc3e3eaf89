using CoworkSync.Access;

namespace CoworkSync.Radius;

/// <summary>How long an accepted session may last before the access point must ask again.</summary>
public static class SessionTimeout
{
    /// <summary>
    /// The shortest of: the deployment's maximum, the groups' cap, the hours left in the cycle and the time until the
    /// current window ends (at least one second).
    /// </summary>
    public static long For(EffectiveAccess access, long? remainingSeconds, DateTimeOffset? windowEnd, DateTimeOffset now, int maxSeconds)
    {
        long timeout = maxSeconds;
        if (access.SessionTimeoutCapSeconds is { } cap)
            timeout = Math.Min(timeout, cap);
        if (remainingSeconds is { } left)
            timeout = Math.Min(timeout, left);
        if (windowEnd is { } end)
            timeout = Math.Min(timeout, Math.Max(1, (long)Math.Ceiling((end - now).TotalSeconds)));
        return timeout;
    }
}
