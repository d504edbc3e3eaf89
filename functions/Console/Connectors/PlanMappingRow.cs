using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>One plan on the plan mapping form: a plan the platform reports, or a mapping of a plan it no longer reports.</summary>
/// <param name="PlanId">The plan's id at the platform; null for a mapping by name.</param>
/// <param name="PlanName">Its name.</param>
/// <param name="Reported">The platform reports it now.</param>
/// <param name="Groups">The access groups it grants; empty: no WiFi; null: not mapped.</param>
public sealed record PlanMappingRow(string? PlanId, string PlanName, bool Reported, IReadOnlyList<string>? Groups)
{
    /// <summary>
    /// The platform's plans, each with the mapping that applies to it (found as sync finds it, <see cref="PlanMapping.Find"/>),
    /// then the mappings no reported plan uses.
    /// </summary>
    public static IReadOnlyList<PlanMappingRow> Of(IReadOnlyList<PlatformPlan> plans, IReadOnlyList<PlanMappingView> mappings)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(mappings);
        var current = mappings.Select(m => new PlanMapping(m.PlanId, m.PlanName, m.Groups)).ToList();
        var used = new HashSet<PlanMapping>(ReferenceEqualityComparer.Instance);
        var rows = new List<PlanMappingRow>();
        foreach (var plan in plans)
        {
            var mapping = PlanMapping.Find(current, plan.Id, plan.Name);
            if (mapping is not null)
                used.Add(mapping);
            rows.Add(new PlanMappingRow(plan.Id, plan.Name, true, mapping?.Groups));
        }
        rows.AddRange(current.Where(m => !used.Contains(m)).Select(m => new PlanMappingRow(m.PlanId, m.PlanName, false, m.Groups)));
        return rows;
    }
}
