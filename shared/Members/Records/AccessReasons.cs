namespace CoworkSync.Members.Records;

/// <summary>The reasons shown on a member, in the admin API and in sync runs.</summary>
public static class AccessReasons
{
    public const string NoMembership = "no membership";
    public const string MembershipPending = "membership pending";
    public const string MembershipEnded = "membership ended";
    public const string MembershipEndedKeptOpen = "membership ended; auto-deprovision is off";
    public const string PlanNotMapped = "plan not mapped";
    public const string PlanWithoutWifi = "plan has no WiFi";
    public const string MemberInactive = "member inactive";
    public const string MemberSuspended = "member suspended";
    public const string AutoProvisionOff = "auto-provision is off";
    public const string NoEmail = "member has no email";
    public const string MemberGone = "member no longer at the platform";
}
