using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors.Updates;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.PutPlanMappings;

/// <summary>
/// <c>PUT /api/admin/connectors/{connectorId}/plan-mappings</c>: replaces the plan → access groups mapping with
/// <c>[{"planId":"pln_flex","planName":"Flex","groups":["flex"]}]</c>. An empty group list means the plan has no WiFi.
/// The next sync applies the new mapping to every member.
/// </summary>
public static class PutPlanMappingsFunction
{
    public const string FunctionName = "PutPlanMappings";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}/plan-mappings", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Replaces the plan → access groups mapping (an empty group list: no WiFi)").Accepts<List<PlanMappingInput>>("application/json").Produces<IReadOnlyList<PlanMappingView>>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> PutAsync(string connectorId, HttpRequest request, ConnectorAdministration connectors, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (input, problem) = await AdminJson.ReadAsync<List<PlanMappingInput?>>(request, cancellationToken);
        return AdminAnswers.From(await connectors.PutPlanMappingsAsync(connectorId, input, actor.Actor, cancellationToken), Results.Ok, unreadable: problem);
    }
}
