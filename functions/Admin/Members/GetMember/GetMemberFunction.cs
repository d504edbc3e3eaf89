using CoworkSync.Administration.Members;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Members.GetMember;

/// <summary><c>GET /api/admin/connectors/{connectorId}/members/{memberId}</c>: one member with their account and why.</summary>
public static class GetMemberFunction
{
    public const string FunctionName = "GetMember";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/members/{memberId}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Members").WithSummary("One member: the platform state, the account, its usage").Produces<MemberView>().ProducesProblem(404);

    private static async Task<IResult> GetAsync(string connectorId, string memberId, MemberAdministration members, CancellationToken cancellationToken) =>
        AdminAnswers.From(await members.GetAsync(connectorId, RouteId.Decode(memberId), cancellationToken), Results.Ok);
}
