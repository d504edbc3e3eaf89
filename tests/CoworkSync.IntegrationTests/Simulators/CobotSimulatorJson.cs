using System.Globalization;
using System.Text.Json.Nodes;

namespace CoworkSync.IntegrationTests.Simulators;

/// <summary>Cobot API1's wire format, written independently of the production models.</summary>
public static class CobotSimulatorJson
{
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'/'MM'/'dd HH':'mm':'ss '+0000'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    public static JsonObject Plan(CobotSimPlan plan) => new()
    {
        ["id"] = plan.Id,
        ["name"] = plan.Name,
        ["hidden"] = plan.Hidden,
        ["price_per_cycle_in_cents"] = 10000,
        ["cycle_duration"] = 1,
        ["currency"] = "EUR",
    };

    public static JsonObject Membership(CobotSimMembership m, IReadOnlyDictionary<string, CobotSimPlan> plans)
    {
        var plan = plans.GetValueOrDefault(m.PlanId);
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["name"] = m.Name,
            ["email"] = m.Email,
            ["phone"] = null,
            ["user"] = m.UserId is null ? null : new JsonObject { ["id"] = m.UserId, ["email"] = m.Email },
            ["customer_number"] = "10000",
            ["plan"] = PlanCopy(m.Id, m.PlanId, plan?.Name ?? "?", m.CanceledTo),
            ["upcoming_plan"] = m.UpcomingPlanId is null ? null : UpcomingPlan(m, plans.GetValueOrDefault(m.UpcomingPlanId)?.Name ?? "?"),
            ["payment_method"] = new JsonObject { ["name"] = "cash", ["automated"] = false },
            ["confirmed_at"] = m.ConfirmedAt is { } confirmed ? Time(confirmed) : null,
            ["starts_at"] = m.StartsAt is { } starts ? Day(starts) : null,
            ["canceled_to"] = m.CanceledTo is { } canceled ? Day(canceled) : null,
            ["next_invoice_at"] = null,
        };
        foreach (var (field, value) in m.Raw)
            json[field] = value;
        return json;
    }

    /// <summary>The membership's own copy of the plan: its own id, the space's plan as <c>parent_plan</c>.</summary>
    private static JsonObject PlanCopy(string membershipId, string planId, string name, DateOnly? canceledTo) => new()
    {
        ["id"] = $"copy-{membershipId}-{planId}",
        ["name"] = name,
        ["parent_plan"] = new JsonObject { ["id"] = planId },
        ["price_per_cycle_in_cents"] = 10000,
        ["canceled_to"] = canceledTo is { } day ? Day(day) : null,
        ["time_passes"] = new JsonArray(),
    };

    private static JsonObject UpcomingPlan(CobotSimMembership m, string name)
    {
        var copy = PlanCopy(m.Id, m.UpcomingPlanId!, name, null);
        copy["starts_at"] = m.UpcomingPlanOn is { } on ? Day(on) : null;
        return copy;
    }

    public static JsonObject Field(CobotSimField field, string? value = null)
    {
        var json = new JsonObject { ["label"] = field.Label, ["id"] = field.Id };
        if (value is not null)
            json["value"] = value;
        return json;
    }

    public static JsonObject MembershipFields(CobotSimMembership m, IReadOnlyList<CobotSimField> fields) => new()
    {
        ["membership_id"] = m.Id,
        ["fields"] = new JsonArray([.. fields.Select(f => Field(f, m.Fields.GetValueOrDefault(f.Id) ?? ""))]),
    };
}
