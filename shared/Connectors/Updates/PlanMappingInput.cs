using System.Text.Json.Serialization;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Updates;

/// <summary>One item of the body of <c>PUT /api/admin/connectors/{connectorId}/plan-mappings</c>, before validation.</summary>
public sealed record PlanMappingInput(
    [property: JsonPropertyName("planId")] string? PlanId,
    [property: JsonPropertyName("planName")] string? PlanName,
    [property: JsonPropertyName("groups")] List<string>? Groups)
{
    /// <summary>What is wrong with a mapping: each item needs a plan id or name, an id at most once, and known access groups.</summary>
    /// <param name="input">The mappings, in the body's order.</param>
    /// <param name="knownGroups">The ids of every access group in force.</param>
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<PlanMappingInput?> input, IReadOnlySet<string> knownGroups)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        var planIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var m = input[i];
            if (m is null)
            {
                errors.Add(new($"[{i}]", "must be an object"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(m.PlanId) && string.IsNullOrWhiteSpace(m.PlanName))
                errors.Add(new($"[{i}].planId", "or planName is required"));
            if (!string.IsNullOrWhiteSpace(m.PlanId) && !planIds.Add(m.PlanId.Trim()))
                errors.Add(new($"[{i}].planId", $"maps \"{m.PlanId}\" twice"));
            if (m.Groups is null)
                errors.Add(new($"[{i}].groups", "is required (an empty list means no WiFi)"));
            else if (m.Groups.FirstOrDefault(g => !knownGroups.Contains(g)) is { } unknown)
                errors.Add(new($"[{i}].groups", $"names an unknown access group \"{unknown}\"; known: {string.Join(", ", knownGroups.Order(StringComparer.Ordinal))}"));
        }
        return errors;
    }

    /// <summary>The mappings; call only when <see cref="Validate"/> found nothing. A mapping without an id matches by name; groups are kept once each.</summary>
    public static IReadOnlyList<PlanMapping> ToMappings(IReadOnlyList<PlanMappingInput?> input) =>
        [.. input.Select(m => new PlanMapping(
            string.IsNullOrWhiteSpace(m!.PlanId) ? null : m.PlanId.Trim(),
            (m.PlanName ?? m.PlanId!).Trim(),
            m.Groups!.Distinct(StringComparer.Ordinal).ToList()))];
}
