using CoworkSync.Administration.Lists;
using CoworkSync.Administration.SyncRuns;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.SyncRuns.ListSyncRuns;

/// <summary><c>GET /api/admin/connectors/{connectorId}/sync-runs?max=20</c>: the latest sync runs, newest first, with counts and errors.</summary>
public static class ListSyncRunsFunction
{
    public const string FunctionName = "ListSyncRuns";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/sync-runs", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Sync runs").WithSummary("The latest sync runs, newest first").Produces<ItemsView<SyncRunView>>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> ListAsync(string connectorId, string? max, SyncRunAdministration syncs, CancellationToken cancellationToken) =>
        QueryNumber.TryRead(max, out var count)
            ? AdminAnswers.FromQuery(await syncs.ListAsync(connectorId, count, cancellationToken), items => Results.Ok(new ItemsView<SyncRunView>(items)))
            : AdminProblems.BadRequest("max", $"must be a whole number between 1 and {SyncRunAdministration.MaxListed}");
}
