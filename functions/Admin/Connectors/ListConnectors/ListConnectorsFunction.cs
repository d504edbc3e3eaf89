using CoworkSync.Administration.Connectors;
using CoworkSync.Administration.Lists;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.ListConnectors;

/// <summary><c>GET /api/admin/connectors</c>: every connector of the deployment.</summary>
public static class ListConnectorsFunction
{
    public const string FunctionName = "ListConnectors";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Every connector").Produces<ItemsView<ConnectorView>>();

    private static async Task<IResult> ListAsync(ConnectorAdministration connectors, CancellationToken cancellationToken) =>
        Results.Ok(new ItemsView<ConnectorView>(await connectors.ListAsync(cancellationToken)));
}
