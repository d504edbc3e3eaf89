using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Portal.SignIn;

/// <summary>
/// "Sign in with {platform}": <c>GET /portal/sign-in/{platform}/start</c> sends the browser to the platform (the state
/// and PKCE verifier in <see cref="PlatformSignInCookie"/>); <c>GET /portal/sign-in/{platform}/callback</c> checks the
/// state against the cookie, lets the platform exchange the code and name the members the person is, and starts a
/// portal session with them. Whatever fails ends on a page that says so (400), with no session.
/// </summary>
public static class PlatformSignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app, bool underFunctionsHost)
    {
        app.MapGet("/portal/sign-in/{platform}/start", (string platform, HttpContext context, PlatformRegistry platforms, PlatformSignInCookie cookie, CancellationToken cancellationToken) =>
                StartAsync(platform, context, platforms, cookie, underFunctionsHost, cancellationToken))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/portal/sign-in/{platform}/callback", (string platform, HttpContext context, PlatformRegistry platforms, PlatformSignInCookie cookie, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                CompleteAsync(platform, context, platforms, cookie, loggers.CreateLogger(typeof(PlatformSignInEndpoints)), underFunctionsHost, cancellationToken))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> StartAsync(string platform, HttpContext context, PlatformRegistry platforms, PlatformSignInCookie cookie, bool underFunctionsHost, CancellationToken cancellationToken)
    {
        if (platforms.Find(platform) is not { MemberSignIn: { } signIn })
            return Problem(StatusCodes.Status404NotFound, "Page not found", "There is no page at this address.");
        var (state, challenge) = cookie.Start(context, platform, underFunctionsHost);
        var url = await signIn.AuthorizeUrlAsync(MemberSignInPaths.Callback(platform), state, challenge, cancellationToken);
        return url is null
            ? Problem(StatusCodes.Status503ServiceUnavailable, "Sign-in is not available", "This way of signing in is not set up yet. Ask for a sign-in link by email instead.")
            : Results.Redirect(url);
    }

    private static async Task<IResult> CompleteAsync(
        string platform, HttpContext context, PlatformRegistry platforms, PlatformSignInCookie cookie, ILogger logger, bool underFunctionsHost, CancellationToken cancellationToken)
    {
        if (platforms.Find(platform) is not { MemberSignIn: { } signIn } found)
            return Problem(StatusCodes.Status404NotFound, "Page not found", "There is no page at this address.");
        var method = $"with {found.DisplayName}";
        var query = context.Request.Query;
        var (verifier, problem) = cookie.Finish(context, platform, query["state"].FirstOrDefault(), underFunctionsHost);
        if (problem is null && !string.IsNullOrEmpty(query["error"].FirstOrDefault()))
            problem = $"{found.DisplayName} did not let you sign in";
        var code = query["code"].FirstOrDefault();
        if (problem is null && string.IsNullOrEmpty(code))
            problem = $"{found.DisplayName} sent no answer to use";
        if (problem is not null)
        {
            logger.SignInRefused(method, problem);
            return Problem(StatusCodes.Status400BadRequest, "You are not signed in", $"The sign-in did not work: {problem}. Start again from the sign-in page.");
        }

        var result = await signIn.CompleteAsync(MemberSignInPaths.Callback(platform), code!, verifier!, cancellationToken);
        if (result.Problem is not null)
        {
            logger.SignInRefused(method, result.Problem);
            return Problem(StatusCodes.Status400BadRequest, "You are not signed in", result.Problem + " Start again from the sign-in page.");
        }
        if (result.Members.Count == 0)
        {
            logger.SignInRefused(method, "no membership at a connected space");
            return Problem(StatusCodes.Status403Forbidden, "No WiFi here for this account",
                $"You signed in with {found.DisplayName}, but none of your memberships is at a space whose WiFi this portal manages. " +
                "If you think it should be, ask the space's staff, or ask for a sign-in link with the email address the space knows.");
        }
        await context.SignInAsync(PortalAuthentication.Scheme, PortalMember.Principal(result.Members, result.DisplayName ?? $"your {found.DisplayName} account", method));
        logger.SignedIn(method, result.Members.Count);
        return Results.Redirect("/portal");
    }

    private static RazorComponentResult<ProblemDocument> Problem(int status, string title, string message) => new(new
    {
        Face = PortalFunctions.Face,
        Title = title,
        Message = message,
    })
    { StatusCode = status };
}
