using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Maps Coworks' member and membership to the platform-neutral <see cref="PlatformMember"/>.
/// <see cref="PlatformMember.UpdatedAt"/> is the member's <c>updated_at</c> (not the webhook's <c>created_at</c>):
/// it is the platform's own version of the member, the same whether the member came from a webhook or the API,
/// so an older webhook and a newer API read compare correctly.
/// </summary>
public static class CoworksMapper
{
    /// <summary>Maps a member from the API, whose membership is nested in the member.</summary>
    /// <exception cref="CoworksPayloadException">See <see cref="ToPlatformMember(CoworksMember, CoworksMembership?)"/>.</exception>
    public static PlatformMember ToPlatformMember(CoworksMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return ToPlatformMember(member, member.Membership);
    }

    /// <summary>Maps a member and their membership (null when they have none: <see cref="MembershipStatus.None"/>).</summary>
    /// <exception cref="CoworksPayloadException">
    /// The member has no id or <c>updated_at</c>, or a status (member or membership) is not one Coworks documents.
    /// </exception>
    public static PlatformMember ToPlatformMember(CoworksMember member, CoworksMembership? membership)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrWhiteSpace(member.Id))
            throw new CoworksPayloadException("The Coworks member has no id.");
        var memberId = member.Id;

        return new PlatformMember
        {
            MemberId = memberId,
            FirstName = member.FirstName?.Trim() ?? "",
            LastName = member.LastName?.Trim() ?? "",
            Email = string.IsNullOrWhiteSpace(member.Email) ? null : member.Email.Trim(),
            Status = MemberStatusOf(memberId, member.Status),
            MembershipStatus = membership is null ? MembershipStatus.None : MembershipStatusOf(memberId, membership.Status),
            PlanId = NullIfBlank(membership?.Plan?.Id),
            PlanName = NullIfBlank(membership?.Plan?.Name),
            LocationId = NullIfBlank(member.LocationId),
            BillingCycleAnchor = membership?.BillingCycleAnchor,
            UpdatedAt = member.UpdatedAt ?? throw new CoworksPayloadException($"The Coworks member {memberId} has no updated_at."),
        };
    }

    /// <summary>Statuses are matched ignoring case; an unknown one is an error, never a guess.</summary>
    private static MemberStatus MemberStatusOf(string memberId, string? status)
    {
        if (status is null)
            throw new CoworksPayloadException($"The Coworks member {memberId} has no status.");
        return status.ToUpperInvariant() switch
        {
            "ACTIVE" => MemberStatus.Active,
            "TRIAL" => MemberStatus.Trial,
            "INACTIVE" => MemberStatus.Inactive,
            "SUSPENDED" => MemberStatus.Suspended,
            _ => throw new CoworksPayloadException(
                $"The Coworks member {memberId} has the unknown status '{CoworksText.Excerpt(status)}'; expected active, trial, inactive or suspended."),
        };
    }

    private static MembershipStatus MembershipStatusOf(string memberId, string? status)
    {
        if (status is null)
            throw new CoworksPayloadException($"The membership of Coworks member {memberId} has no status.");
        return status.ToUpperInvariant() switch
        {
            "PENDING" => MembershipStatus.Pending,
            "ACTIVE" => MembershipStatus.Active,
            "ENDED" => MembershipStatus.Ended,
            _ => throw new CoworksPayloadException(
                $"The membership of Coworks member {memberId} has the unknown status '{CoworksText.Excerpt(status)}'; expected pending, active or ended."),
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
