using CoworkSync.Access;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>An account's current billing cycle and what is left of its hours, as authorize and the admin API count them.</summary>
public static class AccountCycle
{
    /// <summary>The cycle containing <paramref name="now"/>; an account without an anchor counts from the 1st.</summary>
    public static BillingCycle Containing(WifiAccount account, DateTimeOffset now, TimeZoneInfo zone) =>
        BillingCycle.Containing(account.BillingCycleAnchor ?? new DateOnly(now.Year, now.Month, 1), now, zone);

    /// <summary>The allowance minus what was used (negative when overrun); null when unlimited.</summary>
    public static long? RemainingSeconds(EffectiveAccess access, CycleUsage used) =>
        access.HoursPerCycle is { } hours ? (long)(hours * 3600) - used.UsedSeconds : null;
}
