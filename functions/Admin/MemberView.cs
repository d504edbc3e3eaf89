using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.Admin;

/// <summary>A member as the admin API shows them: platform state, account and why. Never the password.</summary>
public static class MemberView
{
    public static object From(MemberRecord m, WifiAccount? account, UsageSummary? usage = null, CobotCheckInRecord? cobotCheckIn = null) => new
    {
        memberId = m.Platform.MemberId,
        connectorId = m.ConnectorId,
        firstName = m.Platform.FirstName,
        lastName = m.Platform.LastName,
        email = m.Platform.Email,
        status = m.Platform.Status.ToString().ToLowerInvariant(),
        membershipStatus = m.Platform.MembershipStatus.ToString().ToLowerInvariant(),
        plan = m.Platform.PlanId is null && m.Platform.PlanName is null ? null : new { id = m.Platform.PlanId, name = m.Platform.PlanName },
        locations = m.Platform.LocationId is null ? Array.Empty<string>() : [m.Platform.LocationId],
        billingCycleAnchor = m.Platform.BillingCycleAnchor,
        platformUpdatedAt = m.Platform.UpdatedAt,
        gone = m.Gone,
        reason = m.Reason,
        flagged = m.Flagged,
        usernameNote = m.UsernameNote,
        account = account is null ? null : new
        {
            username = account.Username,
            enabled = account.Enabled,
            groups = account.Groups,
            reason = account.DisabledReason,
            welcomeEmailQueuedAt = account.WelcomeEmailQueuedAt,
            welcomeEmailSentAt = account.WelcomeEmailSentAt,
            usage = usage is null ? null : new
            {
                cycleStart = usage.CycleStart,
                cycleEnd = usage.CycleEnd,
                usedHours = Hours(usage.UsedSeconds),
                hoursPerCycle = usage.HoursPerCycle,
                remainingHours = usage.RemainingSeconds is { } left ? Hours(left) : (double?)null,
                openSessions = usage.OpenSessions,
            },
        },
        extraGroups = m.Platform.ExtraGroupIds,
        cobotCheckIn = cobotCheckIn is null ? null : new
        {
            lastCheckInOn = cobotCheckIn.LastCheckInOn,
            lastCheckInAt = cobotCheckIn.LastCheckInAt,
            lastError = cobotCheckIn.LastError,
            lastErrorAt = cobotCheckIn.LastErrorAt,
        },
        lastEvent = m.LastEventId is null ? null : new { id = m.LastEventId, at = m.LastEventAt },
        lastSync = m.LastSyncRunId is null ? null : new { runId = m.LastSyncRunId, at = m.LastSyncAt },
    };

    private static double Hours(long seconds) => Math.Round(seconds / 3600.0, 2);
}
