using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.GetPlanMappings;

/// <summary><c>GET /api/admin/connectors/{connectorId}/plan-mappings</c>: the plan → access groups mapping in force.</summary>
public static class GetPlanMappingsFunction
{
    public const string FunctionName = "GetPlanMappings";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/plan-mappings", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> GetAsync(string connectorId, ConnectorStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(connectorId, cancellationToken) is { } connector
            ? Results.Ok(ConnectorView.Mappings(connector.PlanMappings))
            : AdminProblems.NotFound($"There is no connector '{connectorId}'.");
}
