namespace CoworkSync.Provisioning;

/// <summary>
/// A member as the platform knows them, in the platform-neutral form the provisioning engine reconciles from.
/// Every connector (Coworks, Cobot) maps its own wire format to this.
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
