namespace CoworkSync.Connectors.Seam;

/// <summary>
/// A member as the platform knows them, in the platform-neutral form the provisioning engine reconciles from.
/// Every platform maps its own wire format to this.
/// </summary>
public sealed record PlatformMember
{
    public required string MemberId { get; init; }

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string? Email { get; init; }

    public required MemberStatus Status { get; init; }

    public MembershipStatus MembershipStatus { get; init; } = MembershipStatus.None;

    public string? PlanId { get; init; }

    public string? PlanName { get; init; }

    public string? LocationId { get; init; }

    /// <summary>The day the member's billing cycle starts each month.</summary>
    public DateOnly? BillingCycleAnchor { get; init; }

    /// <summary>
    /// Access groups the platform grants beyond the plan's (a custom field at the platform, say), as sorted, distinct, comma-separated
    /// ids, so that equal sets compare equal; null for none.
    /// </summary>
    public string? ExtraGroups { get; init; }

    /// <summary>The ids in <see cref="ExtraGroups"/>.</summary>
    public IReadOnlyList<string> ExtraGroupIds => string.IsNullOrEmpty(ExtraGroups) ? [] : ExtraGroups.Split(',');

    /// <summary>The canonical <see cref="ExtraGroups"/> text of a set of group ids; null when empty.</summary>
    public static string? JoinGroups(IEnumerable<string> groupIds)
    {
        var ids = groupIds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? null : string.Join(',', ids);
    }

    /// <summary>When the platform last changed this member; an older version never overwrites a newer one.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}

public enum MemberStatus
{
    Active,
    Trial,
    Inactive,
    Suspended,
}

public enum MembershipStatus
{
    /// <summary>The member has no membership (or the platform did not say).</summary>
    None,
    Pending,
    Active,
    Ended,
}
