using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// The demo Coworks space: its plans and members, always the same ids, names and plans so that a second run
/// finds the accounts the first one created. Two members per plan, one trial and one member who is suspended
/// after their account was created.
/// </summary>
public static class DemoCast
{
    public const string SpaceId = "spc_demo";
    public const string LocationId = "loc_demo";
    public const string LocationName = "Demo space";
    public const string TimeZone = "Europe/Berlin";

    /// <summary>The access points of the demo location: any NAS-Identifier starting with <c>demo-ap-</c>.</summary>
    public const string NasIdentifierPattern = "demo-ap-*";
    public const string NasIdentifier = "demo-ap-1";

    /// <summary>Created active, then suspended once their account and welcome email exist.</summary>
    public const string SuspendedMemberId = "mem_demo_10";

    /// <summary>The member whose RADIUS request the demo shows accepted (Dedicated is open around the clock).</summary>
    public const string AcceptedMemberId = "mem_demo_05";

    /// <summary>Not in the space: the member of the hand-signed webhook the demo suggests.</summary>
    public static SimulatedMember Newcomer(DateTimeOffset updatedAt) => Member("mem_demo_11", "Grace", "Hopper", DemoPlan.Dedicated, "active", updatedAt);

    public static IReadOnlyList<DemoPlan> Plans { get; } = [DemoPlan.Flex, DemoPlan.FullTime, DemoPlan.Dedicated, DemoPlan.Virtual];

    /// <summary>The members as the demo space first holds them; <paramref name="updatedAt"/> is their Coworks <c>updated_at</c>.</summary>
    public static IReadOnlyList<SimulatedMember> Members(DateTimeOffset updatedAt) =>
    [
        Member("mem_demo_01", "Ada", "Lovelace", DemoPlan.Flex, "active", updatedAt),
        Member("mem_demo_02", "Alan", "Turing", DemoPlan.Flex, "active", updatedAt),
        Member("mem_demo_03", "Katherine", "Johnson", DemoPlan.FullTime, "active", updatedAt),
        Member("mem_demo_04", "Edsger", "Dijkstra", DemoPlan.FullTime, "active", updatedAt),
        Member("mem_demo_05", "Barbara", "Liskov", DemoPlan.Dedicated, "active", updatedAt),
        Member("mem_demo_06", "Donald", "Knuth", DemoPlan.Dedicated, "active", updatedAt),
        Member("mem_demo_07", "Margaret", "Hamilton", DemoPlan.Virtual, "active", updatedAt),
        Member("mem_demo_08", "Dennis", "Ritchie", DemoPlan.Virtual, "active", updatedAt),
        Member("mem_demo_09", "Hedy", "Lamarr", DemoPlan.Flex, "trial", updatedAt),
        Member(SuspendedMemberId, "Charles", "Babbage", DemoPlan.FullTime, "active", updatedAt),
    ];

    private static SimulatedMember Member(string id, string firstName, string lastName, DemoPlan plan, string status, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        FirstName = firstName,
        LastName = lastName,
        Email = $"{firstName}.{lastName}@example.com".ToLowerInvariant(),
        Status = status,
        LocationId = LocationId,
        UpdatedAt = updatedAt,
        Membership = new SimulatedMembership
        {
            Id = "ms_" + id,
            PlanId = plan.Id,
            PlanName = plan.Name,
            StartsOn = DateOnly.FromDateTime(updatedAt.UtcDateTime),
            BillingCycleAnchor = DateOnly.FromDateTime(updatedAt.UtcDateTime),
        },
    };
}
