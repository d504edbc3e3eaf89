using System.Text.Json;
using CoworkSync.Administration.MemberSignIn;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Portal.PutMemberSignIn;

/// <summary>
/// <c>PUT /api/admin/portal/sign-in/{platform}</c>: sets the deployment's member sign-in app at the platform (for Cobot
/// <c>{"clientId":"…","clientSecret":"…"}</c>), stored in the secret store; 200 with the app's state, never a secret's
/// value; 400 with the fields refused; 404 for a platform without member sign-in.
/// </summary>
public static class PutMemberSignInFunction
{
    public const string FunctionName = "PutMemberSignIn";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/portal/sign-in/{platform}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Member portal").WithSummary("Sets the platform's member sign-in app (client id and secret, never shown back)")
            .Accepts<JsonElement>("application/json").Produces<MemberSignInView>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> PutAsync(string platform, HttpRequest request, MemberSignInAdministration signIns, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        var (body, problem) = await AdminJson.ReadElementAsync(request, cancellationToken);
        return AdminAnswers.From(await signIns.PutAsync(platform, problem is null ? body : (JsonElement?)null, actor.Actor, cancellationToken),
            done: Results.Ok, unreadable: problem);
    }
}
