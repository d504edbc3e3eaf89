using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.SyncConnector;

/// <summary><c>POST /api/admin/connectors/{connectorId}/sync</c>: starts a full sync now (202 with the queued run).</summary>
public static class SyncConnectorFunction
{
    public const string FunctionName = "SyncConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/sync", StartAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> StartAsync(string connectorId, ConnectorStore connectors, SyncStarter starter, CancellationToken cancellationToken)
    {
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var run = await starter.StartAsync(connectorId, SyncStarter.Manual, cancellationToken);
        return Results.Accepted($"/api/admin/connectors/{connectorId}/sync-runs", SyncRunView.From(run));
    }
}
