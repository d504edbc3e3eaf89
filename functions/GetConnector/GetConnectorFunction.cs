using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.GetConnector;

/// <summary><c>GET /api/admin/connectors/{connectorId}</c>: the configuration and which secrets are set, never their values.</summary>
public static class GetConnectorFunction
{
    public const string FunctionName = "GetConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> GetAsync(string connectorId, ConnectorStore store, ConnectorViews views, CancellationToken cancellationToken)
    {
        var connector = await store.GetAsync(connectorId, cancellationToken);
        if (connector is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        return Results.Ok(await views.ForAsync(connector, cancellationToken));
    }
}
