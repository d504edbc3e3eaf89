using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A Cobot membership as a <see cref="PlatformMember"/>. Cobot has no member status and no version, so:
/// <list type="bullet">
/// <item>membership status from <c>confirmed_at</c>, <c>starts_at</c> and <c>canceled_to</c> against today in the
/// location's time zone: not confirmed or not started yet → pending; <c>canceled_to</c> before today → ended (the
/// member keeps access through that last day); otherwise active;</item>
/// <item>the plan is the space's plan, <c>plan.parent_plan.id</c> (the membership's <c>plan.id</c> is its own copy);
/// an <c>upcoming_plan</c> whose date has come is the plan;</item>
/// <item>the version is when the membership was read.</item>
/// </list>
/// </summary>
public static class CobotMapper
{
    /// <param name="membership">The membership as Cobot answered it.</param>
    /// <param name="location">The connector's location, whose time zone "today" is in; UTC when null.</param>
    /// <param name="readAt">When the membership was read: the member's version.</param>
    /// <param name="extraGroups">The access groups the member's custom field grants beyond the plan's, canonical (see <see cref="PlatformMember.ExtraGroups"/>).</param>
    /// <param name="planNames">The space's plan names by id (hidden plans too): the plan is named as the space names it now.</param>
    public static PlatformMember ToPlatformMember(CobotMembership membership, ConnectorLocation? location, DateTimeOffset readAt, string? extraGroups = null,
        IReadOnlyDictionary<string, string>? planNames = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var id = membership.Id is { Length: > 0 } value ? value : throw new CobotPayloadException("A membership has no id.");
        var zone = location is not null && TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(readAt, zone).DateTime);

        var (first, last) = SplitName(membership.Name);
        var (planId, planName) = Plan(membership, id, today);
        if (planId is not null && planNames?.GetValueOrDefault(planId) is { } spaceName)
            planName = spaceName;
        var startsAt = CobotDates.Day(membership.StartsAt, $"membership {id}: starts_at");
        return new PlatformMember
        {
            MemberId = id,
            FirstName = first,
            LastName = last,
            Email = Email(membership),
            Status = MemberStatus.Active,
            MembershipStatus = Status(membership, id, today),
            PlanId = planId,
            PlanName = planName,
            LocationId = location?.Id,
            BillingCycleAnchor = startsAt,
            ExtraGroups = extraGroups,
            UpdatedAt = readAt,
        };
    }

    public static MembershipStatus Status(CobotMembership membership, string id, DateOnly today)
    {
        var confirmed = CobotDates.Time(membership.ConfirmedAt, $"membership {id}: confirmed_at");
        var startsAt = CobotDates.Day(membership.StartsAt, $"membership {id}: starts_at");
        var canceledTo = CobotDates.Day(membership.CanceledTo, $"membership {id}: canceled_to");
        if (canceledTo is { } end && end < today)
            return MembershipStatus.Ended;
        if (confirmed is null)
            return MembershipStatus.Pending;
        if (startsAt is { } start && start > today)
            return MembershipStatus.Pending;
        return MembershipStatus.Active;
    }

    /// <summary>Members without a Cobot user account still have the membership's email.</summary>
    private static string? Email(CobotMembership membership)
    {
        var email = membership.Email is { } own && !string.IsNullOrWhiteSpace(own) ? own : membership.User?.Email;
        return string.IsNullOrWhiteSpace(email) ? null : email.Trim();
    }

    private static (string? Id, string? Name) Plan(CobotMembership membership, string id, DateOnly today)
    {
        if (membership.UpcomingPlan is { } upcoming
            && CobotDates.Day(upcoming.StartsAt ?? upcoming.ChangeDate, $"membership {id}: upcoming_plan.starts_at") is { } changesOn
            && changesOn <= today)
            return (upcoming.ParentPlan?.Text, upcoming.Name?.Trim());
        var plan = membership.Plan;
        return plan is null ? (null, null) : (plan.ParentPlan?.Text, plan.Name?.Trim());
    }

    private static (string First, string Last) SplitName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
