using CoworkSync.Administration.Members;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Members.CreateMemberAccount;

/// <summary>
/// <c>POST /api/admin/connectors/{connectorId}/members/{memberId}/account</c>: an operator creates the member's account
/// (<c>{}</c>) or links an existing one (<c>{"username":"…"}</c>), e.g. when auto-provision is off. The access policy
/// still decides whether it is enabled. 201 with the member; 409 when the member has an account or the name is someone else's.
/// </summary>
public static class CreateMemberAccountFunction
{
    public const string FunctionName = "CreateMemberAccount";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/members/{memberId}/account", CreateAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Members").WithSummary("Creates the member's account, or links an existing one").Accepts<AccountRequest>("application/json").Produces<MemberView>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

    private static async Task<IResult> CreateAsync(string connectorId, string memberId, HttpRequest request, MemberAdministration members, CancellationToken cancellationToken)
    {
        memberId = RouteId.Decode(memberId);
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (input, problem) = await AdminJson.ReadAsync<AccountRequest>(request, cancellationToken);
        return AdminAnswers.From(await members.CreateAccountAsync(connectorId, memberId, input, actor.Actor, cancellationToken),
            done: Results.Ok, created: member => Results.Created($"/api/admin/connectors/{connectorId}/members/{memberId}", member), unreadable: problem);
    }
}
