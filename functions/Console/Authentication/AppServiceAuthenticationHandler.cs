using System.Text.Encodings.Web;
using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// The console's scheme under the Functions host: the person App Service authentication (Microsoft Entra ID) signed in,
/// from <c>X-MS-CLIENT-PRINCIPAL</c>, believed only when the platform enabled its authentication for the app. App
/// Service keeps the session; signing in and out happen at <c>/.auth/login/aad</c> and <c>/.auth/logout</c>.
/// </summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AppServiceAuthenticationOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder)
    : AuthenticationHandler<AppServiceAuthenticationOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[AppServiceClientPrincipal.HeaderName];
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!Options.PlatformAuthenticationEnabled)
        {
            Logger.PrincipalHeaderNotTrusted();
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!AppServiceClientPrincipal.TryRead(header, out var principal, out var problem))
        {
            Logger.PrincipalUnreadable(problem);
            return Task.FromResult(AuthenticateResult.Fail($"The {AppServiceClientPrincipal.HeaderName} header could not be read: {problem}."));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <summary>To the console's sign-in page, which links to App Service's sign-in (or says why there is none).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Redirect(ConsoleAuthentication.SignInUrl(OriginalPathBase + OriginalPath + Request.QueryString));
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Logger.AccessDenied(Context.User.Identity?.Name ?? "someone");
        Response.Redirect(ConsoleAuthentication.AccessDeniedPath);
        return Task.CompletedTask;
    }
}
