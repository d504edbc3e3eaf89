using CoworkSync.Access;
namespace CoworkSync.Connectors;

/// <summary>
/// Which access groups a plan grants. Matched by plan id, or by name when the mapping has no id (the defaults a
/// new connector starts with). No groups means the plan gives no WiFi (e.g. Virtual).
/// </summary>
public sealed record PlanMapping(string? PlanId, string PlanName, IReadOnlyList<string> Groups)
{
    public bool Matches(string? planId, string? planName) =>
        PlanId is not null
            ? string.Equals(PlanId, planId, StringComparison.Ordinal)
            : planName is not null && string.Equals(PlanName.Trim(), planName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The mapping a new connector starts with: Flex, Full-time, Dedicated by name; Virtual without WiFi.</summary>
    public static IReadOnlyList<PlanMapping> Defaults { get; } =
    [
        new(null, "Flex", [AccessGroups.Flex]),
        new(null, "Full-time", [AccessGroups.FullTime]),
        new(null, "Dedicated", [AccessGroups.Dedicated]),
        new(null, "Virtual", []),
    ];

    /// <summary>The mapping for a plan: one with its id first, else one with its name; null when the plan is not mapped.</summary>
    public static PlanMapping? Find(IEnumerable<PlanMapping> mappings, string? planId, string? planName)
    {
        var list = mappings as IReadOnlyCollection<PlanMapping> ?? mappings.ToList();
        return list.FirstOrDefault(m => m.PlanId is not null && m.Matches(planId, planName))
            ?? list.FirstOrDefault(m => m.PlanId is null && m.Matches(planId, planName));
    }
}
