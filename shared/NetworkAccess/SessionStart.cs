using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>A session accounting heard of for the first time in the member's current billing cycle.</summary>
/// <param name="Account">The WiFi account the session is for.</param>
/// <param name="Connector">The account's connector; null when it is gone.</param>
/// <param name="At">When the session was first heard of.</param>
/// <param name="Zone">The member's time zone, which their days and billing cycle follow.</param>
public sealed record SessionStart(WifiAccount Account, Connector? Connector, DateTimeOffset At, TimeZoneInfo Zone)
{
    public DateOnly LocalDay => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(At, Zone).DateTime);
}
