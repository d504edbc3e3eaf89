using System.Globalization;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;

namespace CoworkSync.MemberPortal.Accounts;

/// <summary>
/// A member's access in plain words: on, or why not (membership ended, suspended, plan without WiFi, hours used up until
/// the cycle's end). The reasons are the ones provisioning records (<see cref="AccessReasons"/>); one it does not know
/// is quoted as it is.
/// </summary>
public static class AccountStateText
{
    public static AccountState For(MemberRecord member, WifiAccount? account, UsageSummary? usage, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (account is null)
            return new(false, "You have no WiFi account here: " + Why(member.Reason ?? AccessReasons.NoMembership));
        if (!account.Enabled)
            return new(false, "Your WiFi access is off: " + Why(account.DisabledReason ?? member.Reason ?? AccessReasons.MemberInactive));
        if (usage is { RemainingSeconds: <= 0 })
        {
            var end = TimeZoneInfo.ConvertTime(usage.CycleEnd, zone);
            return new(false, $"Your WiFi access is on, but this billing period's hours are used up until {Day(end)}.");
        }
        return new(true, "Your WiFi access is on.");
    }

    /// <summary>Why, as a sentence to the member.</summary>
    public static string Why(string reason) => reason switch
    {
        AccessReasons.MembershipEnded or AccessReasons.MembershipEndedKeptOpen => "your membership has ended.",
        AccessReasons.MemberSuspended => "your membership is suspended. The space's staff can tell you why.",
        AccessReasons.MemberInactive => "your membership is not active.",
        AccessReasons.PlanWithoutWifi => "your plan does not include WiFi.",
        AccessReasons.MembershipPending => "your membership has not started yet.",
        AccessReasons.NoMembership => "you have no membership at this space.",
        AccessReasons.PlanNotMapped => "your plan is not set up for WiFi yet. Please tell the space's staff.",
        AccessReasons.AutoProvisionOff => "the space's staff create WiFi accounts themselves. Ask them for one.",
        AccessReasons.NoEmail => "your profile at the space has no email address. Please tell the space's staff.",
        AccessReasons.MemberGone => "the space no longer lists your membership.",
        _ => reason.TrimEnd('.') + ".",
    };

    /// <summary>A day as members read it: <c>Wednesday 31 December 2026</c>.</summary>
    public static string Day(DateTimeOffset localTime) => localTime.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
