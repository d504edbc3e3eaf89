using System.Globalization;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Generated;

/// <summary>
/// Members made from their index alone, so a restarted simulator serves them exactly as before (same ids, emails and
/// <c>updated_at</c>) and a sync finds them unchanged: <c>{prefix}{index:D6}</c>, email <c>{id}@bench.example</c>, active on
/// one plan at one location, updated on 2026-11-01. <c>scripts/bench.sh compare</c> builds the same members' webhooks.
/// </summary>
public static class GeneratedMembers
{
    public const string EmailDomain = "bench.example";
    public const string LocationId = "loc_bench";
    public const string PlanId = "pln_bench";
    public const string PlanName = "Bench";
    public static readonly DateTimeOffset UpdatedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly StartsOn = new(2026, 11, 1);

    public static string Id(string prefix, int index) => prefix + index.ToString("D6", CultureInfo.InvariantCulture);

    public static SimulatedMember Member(string prefix, int index)
    {
        var id = Id(prefix, index);
        return new SimulatedMember
        {
            Id = id,
            FirstName = "Bench",
            LastName = "Member " + index.ToString(CultureInfo.InvariantCulture),
            Email = $"{id}@{EmailDomain}",
            Status = "active",
            LocationId = LocationId,
            UpdatedAt = UpdatedAt,
            Membership = new SimulatedMembership
            {
                Id = "ms_" + id,
                PlanId = PlanId,
                PlanName = PlanName,
                StartsOn = StartsOn,
                BillingCycleAnchor = StartsOn,
            },
        };
    }
}
