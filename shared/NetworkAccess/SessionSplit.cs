using CoworkSync.Access;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Where a session's cumulative seconds are charged: every second once, in the cycle containing the app's clock when it
/// is reported, and never again once charged. A session that goes on across a cycle start leaves the row it was charged
/// in (closed there, moved on) with the seconds before the start by the clock, and the new cycle is charged the rest.
/// A session's cycles only move forward: when the clock is behind the cycle it was last charged in (the clock went
/// back), it goes on in that cycle.
/// </summary>
/// <param name="CycleKey">The cycle whose row is charged the session from now on.</param>
/// <param name="Seconds">The session's cumulative <c>Acct-Session-Time</c>.</param>
/// <param name="ChargedBefore">The session's seconds charged to cycles before <paramref name="CycleKey"/>.</param>
/// <param name="LeftCycleKey">
/// The cycle whose row the session leaves: closed there at <paramref name="ChargedBefore"/> and moved on; otherwise null.
/// </param>
public sealed record SessionSplit(string CycleKey, long Seconds, long ChargedBefore, string? LeftCycleKey)
{
    /// <summary>The seconds <see cref="CycleKey"/>'s row is charged.</summary>
    public long CurrentSeconds => Math.Max(0, Seconds - ChargedBefore);

    /// <param name="account">The account, for its cycle anchor.</param>
    /// <param name="seconds">The session's cumulative <c>Acct-Session-Time</c>.</param>
    /// <param name="now">The app's clock.</param>
    /// <param name="zone">The zone cycles start at midnight in.</param>
    /// <param name="last">Where the session was charged last (the row holding it open); null when no row is known.</param>
    public static SessionSplit Of(WifiAccount account, long seconds, DateTimeOffset now, TimeZoneInfo zone, SessionCharge? last = null)
    {
        var current = AccountCycle.Containing(account, now, zone);
        var sinceCycleStart = Math.Max(0, (long)(now - current.Start).TotalSeconds);
        var beforeCycleStart = Math.Clamp(seconds - sinceCycleStart, 0, Math.Max(0, seconds));
        if (last is null)
        {
            if (beforeCycleStart == 0)
                return new SessionSplit(current.Key, seconds, 0, null);
            var earlier = AccountCycle.Containing(account, current.Start - TimeSpan.FromTicks(1), zone);
            return new SessionSplit(current.Key, seconds, beforeCycleStart, earlier.Key);
        }
        if (string.CompareOrdinal(last.CycleKey, current.Key) >= 0)
            return new SessionSplit(last.CycleKey, seconds, last.ChargedBefore, null);
        return new SessionSplit(current.Key, seconds, Math.Max(last.ChargedUpTo, beforeCycleStart), last.CycleKey);
    }
}
