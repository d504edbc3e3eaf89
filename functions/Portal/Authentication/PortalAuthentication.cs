using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.Authentication;

namespace CoworkSync.Functions.Portal.Authentication;

/// <summary>
/// The member portal's session: a cookie limited to <c>/portal</c>, HttpOnly, SameSite=Lax (a member arrives from a
/// sign-in link in an email or from Cobot's OAuth redirect, both cross-site navigations), Secure over HTTPS, ending
/// after 30 minutes without a request. The sign-in flows that issue it (Cobot OAuth, emailed link) are the portal's
/// to build: sign in with <c>HttpContext.SignInAsync(PortalAuthentication.Scheme, principal)</c>.
/// </summary>
public static class PortalAuthentication
{
    public const string Scheme = "Portal";
    public const string CookieName = "coworksync.portal";
    public const string SignInPath = "/portal/sign-in";
    public const string ReturnUrlParameter = "returnUrl";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static AuthenticationBuilder AddPortalScheme(this AuthenticationBuilder authentication, bool underFunctionsHost) =>
        authentication.AddCookie(Scheme, options =>
        {
            FaceCookies.Configure(options, CookieName, WebPaths.Portal, SameSiteMode.Lax, IdleTimeout, underFunctionsHost);
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = ReturnUrlParameter;
        });
}
