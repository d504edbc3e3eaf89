using CoworkSync.Administration.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.TestConnector;

/// <summary>
/// <c>POST /api/admin/connectors/{connectorId}/test</c>: the checks an operator runs before going live, as one report
/// (<see cref="ConnectorTestRunner"/>): the API reachable with the credentials, the platform's webhook check, every plan
/// at the platform mapped, locations known, then the platform's own checks.
/// </summary>
public static class TestConnectorFunction
{
    public const string FunctionName = "TestConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/test", TestAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Runs the connector's checks: api, webhooks, plans, locations and its platform's own").Produces<ConnectorTestReport>().ProducesProblem(404);

    private static async Task<IResult> TestAsync(string connectorId, ConnectorTestRunner runner, CancellationToken cancellationToken) =>
        AdminAnswers.From(await runner.RunAsync(connectorId, cancellationToken), Results.Ok);
}
