using CoworkSync.Administration.Lists;
using CoworkSync.Administration.Members;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Members.ListMembers;

/// <summary><c>GET /api/admin/connectors/{connectorId}/members</c>: every member of the connector with their account.</summary>
public static class ListMembersFunction
{
    public const string FunctionName = "ListMembers";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/members", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Members").WithSummary("Every member of a connector with their account and its usage").Produces<ItemsView<MemberView>>().ProducesProblem(404);

    private static async Task<IResult> ListAsync(string connectorId, MemberAdministration members, CancellationToken cancellationToken) =>
        AdminAnswers.From(await members.ListAsync(connectorId, cancellationToken), items => Results.Ok(new ItemsView<MemberView>(items)));
}
