using CoworkSync.Access;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Validation;

namespace CoworkSync.Functions.PutAccessGroup;

/// <summary>
/// <c>PUT /api/admin/access-groups/{groupId}</c>: creates a group (201) or replaces one, a default included (200).
/// The whole group is replaced; RADIUS uses the change at once on this instance, within 30 s on the others.
/// </summary>
public static class PutAccessGroupFunction
{
    public const string FunctionName = "PutAccessGroup";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/access-groups/{groupId}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> PutAsync(string groupId, HttpRequest request, AccessGroupStore store, CancellationToken cancellationToken)
    {
        if (!AccessGroupInput.IsValidGroupId(groupId))
            return AdminProblems.Invalid([new ValidationError("groupId", "must be 2-50 lowercase letters, digits or dashes, starting and ending with a letter or digit")]);
        var (input, problem) = await AdminJson.ReadAsync<AccessGroupInput>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var errors = input!.Validate();
        if (errors.Count > 0)
            return AdminProblems.Invalid(errors);

        var group = input.ToAccessGroup(groupId);
        var nothingStoredBefore = await store.PutAsync(group, cancellationToken);
        var view = AccessGroupView.From(new AccessGroupEntry(group, AccessGroupSource.Stored));
        return nothingStoredBefore && !AccessGroupDefaults.IsDefault(groupId)
            ? Results.Created($"/api/admin/access-groups/{groupId}", view)
            : Results.Ok(view);
    }
}
