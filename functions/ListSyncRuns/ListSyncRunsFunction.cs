using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.ListSyncRuns;

/// <summary><c>GET /api/admin/connectors/{connectorId}/sync-runs?max=20</c>: the latest sync runs, newest first, with counts and errors.</summary>
public static class ListSyncRunsFunction
{
    public const string FunctionName = "ListSyncRuns";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/sync-runs", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ListAsync(string connectorId, int? max, ConnectorStore connectors, SyncRunStore runs, CancellationToken cancellationToken)
    {
        if (max is < 1 or > 200)
            return AdminProblems.BadRequest("max", "must be between 1 and 200");
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var items = await runs.ListAsync(connectorId, max ?? 20, cancellationToken);
        return Results.Ok(new { items = items.Select(SyncRunView.From) });
    }
}
