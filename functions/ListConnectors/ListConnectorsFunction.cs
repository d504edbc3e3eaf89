using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.ListConnectors;

/// <summary><c>GET /api/admin/connectors</c>: every connector of the deployment.</summary>
public static class ListConnectorsFunction
{
    public const string FunctionName = "ListConnectors";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ListAsync(ConnectorStore store, ConnectorViews views, CancellationToken cancellationToken)
    {
        var items = new List<object>();
        foreach (var connector in await store.ListAsync(cancellationToken))
        {
            items.Add(await views.ForAsync(connector, cancellationToken));
        }
        return Results.Ok(new { items });
    }
}
