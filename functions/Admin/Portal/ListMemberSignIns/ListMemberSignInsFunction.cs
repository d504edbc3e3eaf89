using CoworkSync.Administration.Lists;
using CoworkSync.Administration.MemberSignIn;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Portal.ListMemberSignIns;

/// <summary>
/// <c>GET /api/admin/portal/sign-in</c>: each platform that offers members a "sign in with" for the portal, whether its
/// app is ready, the redirect URI to register and which of its settings are set (never their values).
/// </summary>
public static class ListMemberSignInsFunction
{
    public const string FunctionName = "ListMemberSignIns";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/portal/sign-in", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Member portal").WithSummary("Each platform's member sign-in app: whether it is set, its redirect URI").Produces<ItemsView<MemberSignInView>>();

    private static async Task<IResult> ListAsync(MemberSignInAdministration signIns, CancellationToken cancellationToken) =>
        Results.Ok(new ItemsView<MemberSignInView>(await signIns.ListAsync(cancellationToken)));
}
