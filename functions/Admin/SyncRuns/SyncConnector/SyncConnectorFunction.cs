using CoworkSync.Administration.SyncRuns;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.SyncRuns.SyncConnector;

/// <summary><c>POST /api/admin/connectors/{connectorId}/sync</c>: starts a full sync now (202 with the queued run).</summary>
public static class SyncConnectorFunction
{
    public const string FunctionName = "SyncConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/sync", StartAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Sync runs").WithSummary("Starts a full sync now").Produces<SyncRunView>(202).ProducesProblem(404);

    private static async Task<IResult> StartAsync(string connectorId, HttpRequest request, SyncRunAdministration syncs, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        return AdminAnswers.From(await syncs.StartAsync(connectorId, actor.Actor, cancellationToken),
            run => Results.Accepted($"/api/admin/connectors/{connectorId}/sync-runs", run));
    }
}
