using CoworkSync.Administration.AccessGroups;
using CoworkSync.Administration.Lists;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.AccessGroups.ListAccessGroups;

/// <summary><c>GET /api/admin/access-groups</c>: every group in force (the defaults not replaced, and the stored ones), by id.</summary>
public static class ListAccessGroupsFunction
{
    public const string FunctionName = "ListAccessGroups";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/access-groups", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Access groups").WithSummary("The access groups in force").Produces<ItemsView<AccessGroupView>>();

    private static async Task<IResult> ListAsync(AccessGroupAdministration groups, CancellationToken cancellationToken) =>
        Results.Ok(new ItemsView<AccessGroupView>(await groups.ListAsync(cancellationToken)));
}
