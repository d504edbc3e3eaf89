using CoworkSync.Access;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// How a session's seconds divide at the start of the cycle containing now: that cycle is charged the seconds since
/// its start, the cycle before it the rest, so a device connected across the cycle start pays for the new cycle too.
/// </summary>
/// <param name="Current">The billing cycle containing now.</param>
/// <param name="CurrentSeconds">The seconds charged to <paramref name="Current"/>.</param>
/// <param name="Earlier">The cycle before <paramref name="Current"/> when the session started in it; otherwise null.</param>
/// <param name="EarlierSeconds">The seconds charged to <paramref name="Earlier"/>; 0 when there is none.</param>
public sealed record SessionSplit(BillingCycle Current, long CurrentSeconds, BillingCycle? Earlier, long EarlierSeconds)
{
    public static SessionSplit Of(WifiAccount account, long seconds, DateTimeOffset now, TimeZoneInfo zone)
    {
        var current = AccountCycle.Containing(account, now, zone);
        var sinceCycleStart = (long)(now - current.Start).TotalSeconds;
        if (seconds <= sinceCycleStart)
            return new SessionSplit(current, seconds, null, 0);
        var earlier = AccountCycle.Containing(account, current.Start - TimeSpan.FromTicks(1), zone);
        return new SessionSplit(current, sinceCycleStart, earlier, seconds - sinceCycleStart);
    }
}
