using CoworkSync.Administration.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.GetConnector;

/// <summary><c>GET /api/admin/connectors/{connectorId}</c>: the configuration and which secrets are set, never their values.</summary>
public static class GetConnectorFunction
{
    public const string FunctionName = "GetConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("A connector: its configuration and which secrets are set").Produces<ConnectorView>().ProducesProblem(404);

    private static async Task<IResult> GetAsync(string connectorId, ConnectorAdministration connectors, CancellationToken cancellationToken) =>
        AdminAnswers.From(await connectors.GetAsync(connectorId, cancellationToken), Results.Ok);
}
