using CoworkSync.Administration.Members;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Members.ExplainMemberAccess;

/// <summary>
/// <c>POST /api/admin/connectors/{connectorId}/members/{memberId}/explain</c> with
/// <c>{"nasIdentifier":"…","at":"…","callingStationId":"…"}</c>: "why can't they connect?". What RADIUS authorize would
/// answer the member's account from that access point at that moment (default now), check by check, with the reply
/// attributes of an accept (never the password). A dry run: it reads what authorize reads and changes nothing.
/// </summary>
public static class ExplainMemberAccessFunction
{
    public const string FunctionName = "ExplainMemberAccess";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/members/{memberId}/explain", ExplainAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Members").WithSummary("Why can't they connect: what RADIUS authorize would answer, check by check (a dry run)")
            .Accepts<ExplainRequest>("application/json").Produces<AccessExplanationView>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> ExplainAsync(string connectorId, string memberId, HttpRequest request, MemberAccessExplainer explainer, CancellationToken cancellationToken)
    {
        memberId = RouteId.Decode(memberId);
        var (input, problem) = await AdminJson.ReadAsync<ExplainRequest>(request, cancellationToken);
        return AdminAnswers.From(await explainer.ExplainAsync(connectorId, memberId, input, cancellationToken), Results.Ok, unreadable: problem);
    }
}
