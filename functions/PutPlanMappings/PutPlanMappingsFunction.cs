using System.Text.Json.Serialization;
using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.State.Tables;
using CoworkSync.Validation;

namespace CoworkSync.Functions.PutPlanMappings;

/// <summary>
/// <c>PUT /api/admin/connectors/{connectorId}/plan-mappings</c>: replaces the plan → access groups mapping with
/// <c>[{"planId":"pln_flex","planName":"Flex","groups":["flex"]}]</c>. An empty group list means the plan has no WiFi.
/// The next sync applies the new mapping to every member.
/// </summary>
public static class PutPlanMappingsFunction
{
    public const string FunctionName = "PutPlanMappings";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}/plan-mappings", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private sealed record MappingInput(
        [property: JsonPropertyName("planId")] string? PlanId,
        [property: JsonPropertyName("planName")] string? PlanName,
        [property: JsonPropertyName("groups")] List<string>? Groups);

    private static async Task<IResult> PutAsync(
        string connectorId, HttpRequest request, ConnectorStore store, AccessGroupStore groups, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, problem) = await AdminJson.ReadAsync<List<MappingInput?>>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var known = (await groups.ListAsync(cancellationToken)).Select(e => e.Group.Id).ToHashSet(StringComparer.Ordinal);
        var errors = Validate(input!, known);
        if (errors.Count > 0)
            return AdminProblems.Invalid(errors);
        var mappings = input!.Select(m => new PlanMapping(
            string.IsNullOrWhiteSpace(m!.PlanId) ? null : m.PlanId.Trim(),
            (m.PlanName ?? m.PlanId!).Trim(),
            m.Groups!.Distinct(StringComparer.Ordinal).ToList())).ToList();

        var saved = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var connector = await store.GetAsync(connectorId, ct);
            return connector is null ? null : await store.SaveAsync(connector with { PlanMappings = mappings, UpdatedAt = time.GetUtcNow() }, ct);
        }, time, cancellationToken);
        return saved is null
            ? AdminProblems.NotFound($"There is no connector '{connectorId}'.")
            : Results.Ok(ConnectorView.Mappings(saved.PlanMappings));
    }

    private static List<ValidationError> Validate(List<MappingInput?> input, IReadOnlySet<string> knownGroups)
    {
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
}
