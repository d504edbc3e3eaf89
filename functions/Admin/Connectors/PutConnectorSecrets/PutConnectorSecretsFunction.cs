using System.Text.Json;
using CoworkSync.Administration.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Connectors.PutConnectorSecrets;

/// <summary>
/// <c>PUT /api/admin/connectors/{connectorId}/secrets</c>: the connector's platform says which secrets the JSON object
/// holds and their rules (<see cref="CoworkSync.Connectors.Seam.IPlatformSecrets"/>); stored in the secret store, 204,
/// never echoed.
/// </summary>
public static class PutConnectorSecretsFunction
{
    public const string FunctionName = "PutConnectorSecrets";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}/secrets", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Sets or rotates a connector's secrets (its platform's fields); never echoed").Accepts<Dictionary<string, string>>("application/json").Produces(204).ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> PutAsync(string connectorId, HttpRequest request, ConnectorAdministration connectors, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (body, problem) = await AdminJson.ReadElementAsync(request, cancellationToken);
        return AdminAnswers.From(await connectors.PutSecretsAsync(connectorId, problem is null ? body : (JsonElement?)null, actor.Actor, cancellationToken),
            done: _ => Results.NoContent(), unreadable: problem);
    }
}
