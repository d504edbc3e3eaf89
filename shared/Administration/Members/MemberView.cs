using System.Text.Json.Serialization;

namespace CoworkSync.Administration.Members;

/// <summary>
/// A member as the admin API shows them: the platform's state, the account and why. Never the password. Every
/// registered platform's member properties follow, null unless the view is one member's of that
/// platform.
/// </summary>
/// <param name="MemberId">The member's id at the platform.</param>
/// <param name="ConnectorId">The member's connector.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Email">Email address.</param>
/// <param name="Status">The member's status, lowercase (<c>active</c>, <c>trial</c>, <c>inactive</c>, <c>suspended</c>).</param>
/// <param name="MembershipStatus">The membership's status, lowercase (<c>none</c>, <c>pending</c>, <c>active</c>, <c>ended</c>).</param>
/// <param name="Plan">The plan; null when the member has none.</param>
/// <param name="Locations">The member's location, when the platform names one.</param>
/// <param name="BillingCycleAnchor">The day the billing cycle starts each month.</param>
/// <param name="PlatformUpdatedAt">The platform's version of this state.</param>
/// <param name="Gone">The platform no longer lists the member.</param>
/// <param name="Reason">Why the member has no access, or what needs an operator.</param>
/// <param name="Flagged">The member needs an operator.</param>
/// <param name="UsernameNote">Why the account has another name than the member's email.</param>
/// <param name="Account">The member's account; null when none.</param>
/// <param name="ExtraGroups">Access groups the platform grants beyond the plan's.</param>
/// <param name="LastEvent">The event that last changed the member.</param>
/// <param name="LastSync">The sync run that last changed the member.</param>
public sealed record MemberView(
    string MemberId,
    string ConnectorId,
    string FirstName,
    string LastName,
    string? Email,
    string Status,
    string MembershipStatus,
    PlanView? Plan,
    IReadOnlyList<string> Locations,
    DateOnly? BillingCycleAnchor,
    DateTimeOffset PlatformUpdatedAt,
    bool Gone,
    string? Reason,
    bool Flagged,
    string? UsernameNote,
    AccountView? Account,
    IReadOnlyList<string> ExtraGroups,
    LastEventView? LastEvent,
    LastSyncView? LastSync)
{
    /// <summary>Every registered platform's member properties by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> PlatformProperties { get; init; } = [];
}

/// <param name="Id">The plan's id.</param>
/// <param name="Name">The plan's name.</param>
public sealed record PlanView(string? Id, string? Name);

/// <param name="Username">The WiFi user name.</param>
/// <param name="Enabled">Whether it may connect.</param>
/// <param name="Groups">Its access groups.</param>
/// <param name="Reason">Why it is disabled.</param>
/// <param name="WelcomeEmailQueuedAt">When its welcome email was queued.</param>
/// <param name="WelcomeEmailSentAt">When it was sent.</param>
/// <param name="Usage">Its use of the current billing cycle; null in lists of one kind (an account just made).</param>
public sealed record AccountView(
    string Username, bool Enabled, IReadOnlyList<string> Groups, string? Reason, DateTimeOffset? WelcomeEmailQueuedAt, DateTimeOffset? WelcomeEmailSentAt, UsageView? Usage);

/// <param name="CycleStart">When the current billing cycle began.</param>
/// <param name="CycleEnd">When it ends.</param>
/// <param name="UsedHours">Hours used, to two decimals.</param>
/// <param name="HoursPerCycle">The allowance; null when unlimited.</param>
/// <param name="RemainingHours">What is left; null when unlimited.</param>
/// <param name="OpenSessions">Sessions not closed yet.</param>
public sealed record UsageView(DateTimeOffset CycleStart, DateTimeOffset CycleEnd, double UsedHours, double? HoursPerCycle, double? RemainingHours, int OpenSessions);

/// <param name="Id">The event's id.</param>
/// <param name="At">When it was applied.</param>
public sealed record LastEventView(string Id, DateTimeOffset? At);

/// <param name="RunId">The sync run's id.</param>
/// <param name="At">When it changed the member.</param>
public sealed record LastSyncView(string RunId, DateTimeOffset? At);
