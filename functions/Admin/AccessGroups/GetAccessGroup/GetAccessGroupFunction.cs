using CoworkSync.Administration.AccessGroups;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.AccessGroups.GetAccessGroup;

/// <summary><c>GET /api/admin/access-groups/{groupId}</c>: the group in force, stored or default; 404 for an unknown id.</summary>
public static class GetAccessGroupFunction
{
    public const string FunctionName = "GetAccessGroup";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/access-groups/{groupId}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Access groups").WithSummary("An access group in force").Produces<AccessGroupView>().ProducesProblem(404);

    private static async Task<IResult> GetAsync(string groupId, AccessGroupAdministration groups, CancellationToken cancellationToken) =>
        AdminAnswers.From(await groups.GetAsync(groupId, cancellationToken), Results.Ok);
}
