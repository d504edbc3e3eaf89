using CoworkSync.Functions.Portal.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CoworkSync.Functions.Portal;

/// <summary><c>POST /portal/sign-out</c>: ends the portal session (the header's "Sign out" form, with its antiforgery token).</summary>
public static class PortalSignOut
{
    public const string Path = "/portal/sign-out";

    public static void Map(IEndpointRouteBuilder app) =>
        // The policy authenticates the session before the antiforgery check, whose token was made for the signed-in member.
        app.MapPost(Path, SignOutAsync)
            .RequireAuthorization(PortalPolicies.Member)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    private static async Task<IResult> SignOutAsync(HttpContext context, ILoggerFactory loggers)
    {
        await context.SignOutAsync(PortalAuthentication.Scheme);
        loggers.CreateLogger(typeof(PortalSignOut)).SignedOut();
        return Results.Redirect($"{PortalAuthentication.SignInPath}?signedOut=true");
    }
}
