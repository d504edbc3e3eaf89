using System.ComponentModel;
using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors.Updates;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Outcomes;
using Microsoft.AspNetCore.Mvc;

namespace CoworkSync.Functions.Admin.Connectors.PutConnector;

/// <summary>
/// <c>PUT /api/admin/connectors/{connectorId}</c>: creates or replaces a connector's configuration (201 / 200). With
/// <c>If-None-Match: *</c> it only creates: a connector with that id is left as it is and the answer is 412.
/// </summary>
public static class PutConnectorFunction
{
    public const string FunctionName = "PutConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Connectors").WithSummary("Creates or replaces a connector's configuration (with If-None-Match: *, creates only)")
            .Accepts<ConnectorInput>("application/json").Produces<ConnectorView>().Produces<ConnectorView>(201).ProducesProblem(400).ProducesProblem(412);

    private static async Task<IResult> PutAsync(
        string connectorId,
        [FromHeader(Name = "If-None-Match"), Description("* to create only: 412 Precondition Failed when a connector with this id exists. Other values are ignored.")] string? ifNoneMatch,
        HttpRequest request,
        ConnectorAdministration connectors,
        CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (input, problem) = await AdminJson.ReadAsync<ConnectorInput>(request, cancellationToken);
        var createOnly = ifNoneMatch?.Trim() == "*";
        var outcome = createOnly
            ? await connectors.CreateAsync(connectorId, input, actor.Actor, cancellationToken)
            : await connectors.PutAsync(connectorId, input, actor.Actor, cancellationToken);
        if (createOnly && outcome.Status == OutcomeStatus.Conflict)
            return AdminProblems.PreconditionFailed($"{outcome.Detail} If-None-Match: * creates only; send the PUT without it to replace the connector.");
        return AdminAnswers.From(outcome, done: Results.Ok, created: view => Results.Created($"/api/admin/connectors/{connectorId}", view), unreadable: problem);
    }
}
