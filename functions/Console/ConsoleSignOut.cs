using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CoworkSync.Functions.Console;

/// <summary>
/// <c>POST /console/sign-out</c> (local mode): ends the console session and goes back to the sign-in page. A form with
/// an antiforgery token posts it (the header's "Sign out" button). Under the Functions host, App Service's
/// <c>/.auth/logout</c> signs out instead.
/// </summary>
public static class ConsoleSignOut
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ConsoleAuthentication.SignOutPath, SignOutAsync)
            .RequireAuthorization(ConsolePolicies.Support)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    private static async Task<IResult> SignOutAsync(HttpContext context, ILoggerFactory loggers)
    {
        await context.SignOutAsync(ConsoleAuthentication.Scheme);
        loggers.CreateLogger(typeof(ConsoleSignOut)).SignedOut(context.User.Identity?.Name ?? "someone");
        return Results.Redirect($"{ConsoleAuthentication.SignInPath}?signedOut=true");
    }
}
