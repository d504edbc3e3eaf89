using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.Authentication;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// The console's authentication scheme, <see cref="Scheme"/>: in local mode a session cookie the sign-in page issues
/// for the admin key; under the Functions host the principal App Service authentication signed in.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string CookieName = "coworksync.console";
    public const string SignInPath = "/console/sign-in";
    public const string SignOutPath = "/console/sign-out";
    public const string AccessDeniedPath = "/console/access-denied";
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>A local session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static AuthenticationBuilder AddConsoleScheme(this AuthenticationBuilder authentication, IConfiguration configuration, bool underFunctionsHost)
    {
        if (underFunctionsHost)
        {
            return authentication.AddScheme<AppServiceAuthenticationOptions, AppServiceAuthenticationHandler>(
                Scheme, options => options.PlatformAuthenticationEnabled = AppServiceAuthenticationOptions.IsEnabled(configuration));
        }
        return authentication.AddCookie(Scheme, options =>
        {
            FaceCookies.Configure(options, CookieName, WebPaths.Console, SameSiteMode.Strict, IdleTimeout, underFunctionsHost);
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ReturnUrlParameter = ReturnUrlParameter;
        });
    }

    public static string SignInUrl(string returnUrl) =>
        $"{SignInPath}?{ReturnUrlParameter}={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Where a return URL may lead after sign-in: a console page of this app, else the overview.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
        && new PathString(url.Split('?', '#')[0]).StartsWithSegments(WebPaths.Console)
        && !url.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : WebPaths.Console.Value!;
}
