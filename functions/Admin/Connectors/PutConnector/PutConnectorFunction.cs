using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors.Updates;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.PutConnector;

/// <summary><c>PUT /api/admin/connectors/{connectorId}</c>: creates or replaces a connector's configuration (201 / 200).</summary>
public static class PutConnectorFunction
{
    public const string FunctionName = "PutConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Creates or replaces a connector's configuration").Accepts<ConnectorInput>("application/json").Produces<ConnectorView>().Produces<ConnectorView>(201).ProducesProblem(400);

    private static async Task<IResult> PutAsync(string connectorId, HttpRequest request, ConnectorAdministration connectors, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (input, problem) = await AdminJson.ReadAsync<ConnectorInput>(request, cancellationToken);
        return AdminAnswers.From(await connectors.PutAsync(connectorId, input, actor.Actor, cancellationToken),
            done: Results.Ok, created: view => Results.Created($"/api/admin/connectors/{connectorId}", view), unreadable: problem);
    }
}
