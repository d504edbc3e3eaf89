using CoworkSync.Administration.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.GetPlanMappings;

/// <summary><c>GET /api/admin/connectors/{connectorId}/plan-mappings</c>: the plan → access groups mapping in force.</summary>
public static class GetPlanMappingsFunction
{
    public const string FunctionName = "GetPlanMappings";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/plan-mappings", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("The plan mapping in force").Produces<IReadOnlyList<PlanMappingView>>().ProducesProblem(404);

    private static async Task<IResult> GetAsync(string connectorId, ConnectorAdministration connectors, CancellationToken cancellationToken) =>
        AdminAnswers.From(await connectors.GetPlanMappingsAsync(connectorId, cancellationToken), Results.Ok);
}
