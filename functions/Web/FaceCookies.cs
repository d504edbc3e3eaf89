using Microsoft.AspNetCore.Authentication.Cookies;

namespace CoworkSync.Functions.Web;

/// <summary>How both faces' session cookies are made: HttpOnly, limited to the face's path, Secure over HTTPS.</summary>
public static class FaceCookies
{
    /// <summary>
    /// Under the Functions host the app sees plain HTTP from the host, but the platform serves only HTTPS (the templates
    /// set httpsOnly), so cookies are always Secure there; locally they are Secure when the request is HTTPS.
    /// </summary>
    public static CookieSecurePolicy SecurePolicy(bool underFunctionsHost) =>
        underFunctionsHost ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>A session cookie (gone when the browser closes) whose ticket expires after <paramref name="idleTimeout"/> without a request.</summary>
    public static void Configure(CookieAuthenticationOptions options, string name, PathString path, SameSiteMode sameSite, TimeSpan idleTimeout, bool underFunctionsHost)
    {
        options.Cookie.Name = name;
        options.Cookie.Path = path;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = sameSite;
        options.Cookie.SecurePolicy = SecurePolicy(underFunctionsHost);
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = idleTimeout;
        options.SlidingExpiration = true;
    }
}
