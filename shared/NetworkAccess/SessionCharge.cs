namespace CoworkSync.NetworkAccess;

/// <summary>Where a session was last charged: the cycle whose row holds it, and its cumulative seconds around that row.</summary>
/// <param name="CycleKey">The cycle whose row holds the session (open, or moved on from).</param>
/// <param name="ChargedBefore">The session's seconds charged to rows before that one.</param>
/// <param name="ChargedUpTo">The session's seconds charged up to and including that row.</param>
public sealed record SessionCharge(string CycleKey, long ChargedBefore, long ChargedUpTo)
{
    public static SessionCharge In(string cycleKey, SessionUsage session) =>
        new(cycleKey, session.Before ?? 0, (session.Before ?? 0) + session.Seconds);
}
