using CoworkSync.Access;
using CoworkSync.Administration.AccessGroups;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.AccessGroups.PutAccessGroup;

/// <summary>
/// <c>PUT /api/admin/access-groups/{groupId}</c>: creates a group (201) or replaces one, a default included (200).
/// The whole group is replaced; RADIUS uses the change at once on this instance, within 30 s on the others.
/// </summary>
public static class PutAccessGroupFunction
{
    public const string FunctionName = "PutAccessGroup";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/access-groups/{groupId}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Access groups").WithSummary("Creates or replaces an access group (a default included)").Accepts<AccessGroupInput>("application/json").Produces<AccessGroupView>().Produces<AccessGroupView>(201).ProducesProblem(400);

    private static async Task<IResult> PutAsync(string groupId, HttpRequest request, AccessGroupAdministration groups, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (input, problem) = await AdminJson.ReadAsync<AccessGroupInput>(request, cancellationToken);
        return AdminAnswers.From(await groups.PutAsync(groupId, input, actor.Actor, cancellationToken),
            done: Results.Ok, created: view => Results.Created($"/api/admin/access-groups/{groupId}", view), unreadable: problem);
    }
}
