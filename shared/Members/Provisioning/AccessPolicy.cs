using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;
namespace CoworkSync.Members.Provisioning;

/// <summary>
/// The provisioning rules as one pure function: from the member's latest known state at the platform, the
/// connector's settings and the plan mapping, what the account should be. Everything else only applies the difference.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(PlatformMember member, ConnectorSettings settings, IEnumerable<PlanMapping> mappings, bool hasAccount)
    {
        switch (member.MembershipStatus)
        {
            case MembershipStatus.None:
                return AccessDecision.NoAccess(AccessReasons.NoMembership);
            case MembershipStatus.Pending:
                return AccessDecision.NoAccess(AccessReasons.MembershipPending);
            case MembershipStatus.Ended when settings.AutoDeprovision:
                return AccessDecision.NoAccess(AccessReasons.MembershipEnded);
        }

        var mapping = PlanMapping.Find(mappings, member.PlanId, member.PlanName);
        if (mapping is null)
            return AccessDecision.NoAccess(AccessReasons.PlanNotMapped);
        // Groups the platform adds for the member (a custom field at the platform, say) count like the plan's: they can give WiFi
        // to a member whose plan has none.
        var planGroups = mapping.Groups.Concat(member.ExtraGroupIds).ToList();
        if (planGroups.Count == 0)
            return AccessDecision.NoAccess(AccessReasons.PlanWithoutWifi);

        if (member.Status is MemberStatus.Inactive)
            return AccessDecision.NoAccess(AccessReasons.MemberInactive);
        if (member.Status is MemberStatus.Suspended)
            return AccessDecision.NoAccess(AccessReasons.MemberSuspended);

        var groups = member.Status == MemberStatus.Trial
            ? planGroups.Append(AccessGroups.Trial).Distinct(StringComparer.Ordinal).ToList()
            : planGroups.Distinct(StringComparer.Ordinal).ToList();

        if (member.MembershipStatus == MembershipStatus.Ended)
        {
            // Auto-deprovision is off: an existing account keeps its access, and the operator is told.
            return new AccessDecision(hasAccount, hasAccount ? groups : [], false, AccessReasons.MembershipEndedKeptOpen, Flagged: true);
        }

        if (!hasAccount && string.IsNullOrWhiteSpace(member.Email))
            return new AccessDecision(false, [], false, AccessReasons.NoEmail, Flagged: true);
        if (!hasAccount && !settings.AutoProvision)
            return new AccessDecision(false, [], false, AccessReasons.AutoProvisionOff);

        return new AccessDecision(true, groups, true, null);
    }
}
