using System.Net;
using CoworkSync.Functions.Console.Authentication;

namespace CoworkSync.UnitTests.Web;

/// <summary>
/// Under the Functions host the console believes <c>X-MS-CLIENT-PRINCIPAL</c> only when App Service authentication is
/// on for the app (the platform sets <c>WEBSITE_AUTH_ENABLED=True</c>); anyone can send the header otherwise.
/// </summary>
public sealed class AppServiceAuthenticationTests
{
    private static readonly string Support = AppServiceClientPrincipalTests.Encode(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "name", val = "Grace Hopper" }, new { typ = "roles", val = "Support" } },
    });

    private static readonly string NoRole = AppServiceClientPrincipalTests.Encode(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "name", val = "Alan Turing" } },
    });

    [Theory]
    [InlineData("True")]
    [InlineData("true")]
    public async Task ConsolePage_PlatformAuthenticationEnabled_AdmitsThePrincipalWithItsRole(string enabled)
    {
        using var app = WebApps.UnderHost(enabled);
        using var browser = app.Browser(https: true);

        var response = await SendAsync(browser, "/console/members", Support);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"role\">Support</span>", html, StringComparison.Ordinal);
        // App Service keeps the session: sign-out is its endpoint, no app cookie is issued.
        Assert.Contains(ConsoleSignInMode.AppServiceSignOutUrl, html, StringComparison.Ordinal);
        Assert.False(WebApps.SetsCookie(response, ConsoleAuthentication.CookieName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("False")]
    [InlineData("1")]
    public async Task ConsolePage_PlatformAuthenticationNotEnabled_IgnoresTheHeaderAndSendsToSignIn(string? enabled)
    {
        using var app = WebApps.UnderHost(enabled);
        using var browser = app.Browser(https: true);

        var response = await SendAsync(browser, "/console/members", Support);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/sign-in?returnUrl=%2Fconsole%2Fmembers", WebApps.Location(response));
        var signIn = await (await browser.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("App Service authentication is not enabled", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("/.auth/login/aad", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace Hopper", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolePage_PrincipalWithoutAConsoleRole_IsSentToAccessDenied_WhichSaysWhatToAskFor()
    {
        using var app = WebApps.UnderHost("True");
        using var browser = app.Browser(https: true);

        var response = await SendAsync(browser, "/console/members", NoRole);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleAuthentication.AccessDeniedPath, WebApps.Location(response));
        var page = await (await SendAsync(browser, ConsoleAuthentication.AccessDeniedPath, NoRole)).Content.ReadAsStringAsync();
        Assert.Contains("signed in as Alan Turing, but your account has no console role", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolePage_UnreadablePrincipal_IsNotSignedIn()
    {
        using var app = WebApps.UnderHost("True");
        using var browser = app.Browser(https: true);

        var response = await SendAsync(browser, "/console/members", "%%%not-base64%%%");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(ConsoleAuthentication.SignInPath, WebApps.Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_PlatformAuthenticationEnabled_LinksToAppServiceSignInComingBackToTheAskedPage()
    {
        using var app = WebApps.UnderHost("True");
        using var browser = app.Browser(https: true);

        var html = await browser.GetStringAsync("/console/sign-in?returnUrl=%2Fconsole%2Fdead-letters");

        Assert.Contains("href=\"/.auth/login/aad?post_login_redirect_uri=%2Fconsole%2Fdead-letters\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin key", html, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, string path, string principal)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(AppServiceClientPrincipal.HeaderName, principal);
        return browser.SendAsync(request);
    }
}
