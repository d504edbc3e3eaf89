using System.Globalization;

namespace CoworkSync.Simulators.Coworks;

/// <summary>The documented Coworks wire format, written out by hand (snake_case, ISO 8601 dates).</summary>
public static class CoworksSimulatorJson
{
    /// <summary>A member object; the API nests the membership in it, a webhook does not.</summary>
    public static Dictionary<string, object?> Member(SimulatedMember member, bool withMembership)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = member.Id,
            ["first_name"] = member.FirstName,
            ["last_name"] = member.LastName,
            ["email"] = member.Email,
            ["status"] = member.Status,
            ["location_id"] = member.LocationId,
            ["updated_at"] = member.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (withMembership)
            json["membership"] = Membership(member.Membership);
        return json;
    }

    public static Dictionary<string, object?>? Membership(SimulatedMembership? membership) => membership is null ? null : new()
    {
        ["id"] = membership.Id,
        ["status"] = membership.Status,
        ["plan"] = membership.PlanId is null ? null : new Dictionary<string, object?> { ["id"] = membership.PlanId, ["name"] = membership.PlanName },
        ["starts_on"] = Day(membership.StartsOn),
        ["ends_on"] = Day(membership.EndsOn),
        ["billing_cycle_anchor"] = Day(membership.BillingCycleAnchor),
    };

    public static Dictionary<string, object?> Plan(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
