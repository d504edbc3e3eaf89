using System.Net;
using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Web;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Web;

/// <summary>Local mode: the console's sign-in with the admin key, its session cookie, sign-out, and forms without a token.</summary>
public sealed class ConsoleLocalSignInTests : IDisposable
{
    private readonly FunctionAppFactory _app = FunctionAppFactory.LocalMode();

    [Fact]
    public async Task SignIn_WrongKey_IsRefusedWithAClearMessage_NoSessionAndTheKeyNotEchoed()
    {
        using var browser = _app.Browser();

        var response = await browser.SignInLocallyAsync("not-the-key-4711", ConsoleRoles.Operator);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That is not this deployment's admin key.", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key-4711", html, StringComparison.Ordinal);
        Assert.False(WebApps.SetsCookie(response, ConsoleAuthentication.CookieName));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    [Theory]
    [InlineData("Operator")]
    [InlineData("Support")]
    public async Task SignIn_TheKey_GrantsTheChosenRole_InAStrictHttpOnlyCookieOfTheConsolePath(string role)
    {
        using var browser = _app.Browser();

        var response = await browser.SignInLocallyAsync(FunctionAppFactory.FunctionKey, role, returnUrl: "/console/dead-letters");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/dead-letters", WebApps.Location(response));
        var cookie = WebApps.SetCookie(response, ConsoleAuthentication.CookieName);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/console", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);

        var page = await browser.GetStringAsync("/console/dead-letters");
        Assert.Contains($"<span class=\"role\">{role}</span>", page, StringComparison.Ordinal);
        Assert.Contains(LocalAdminKey.HolderName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksTheSessionAndAntiforgeryCookiesSecure()
    {
        using var browser = _app.Browser(https: true);

        var response = await browser.SignInLocallyAsync(FunctionAppFactory.FunctionKey, ConsoleRoles.Operator);

        Assert.Contains("; secure", WebApps.SetCookie(response, ConsoleAuthentication.CookieName), StringComparison.Ordinal);
        using var fresh = _app.Browser(https: true);
        var antiforgery = WebApps.SetCookie(await fresh.GetAsync("/console/sign-in"), WebFaces.AntiforgeryCookieName);
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/console", "/console")]
    [InlineData("//evil.example/console", "/console")]
    [InlineData("/\\evil.example", "/console")]
    [InlineData("/api/admin/connectors", "/console")]
    [InlineData("/consoles", "/console")]
    [InlineData("/console/sign-in?returnUrl=/console", "/console")]
    [InlineData("/console/members?q=ada", "/console/members?q=ada")]
    [InlineData("/console", "/console")]
    [InlineData(null, "/console")]
    public void SafeReturnUrl_LeadsOnlyToConsolePagesOfThisApp(string? returnUrl, string expected) =>
        Assert.Equal(expected, ConsoleAuthentication.SafeReturnUrl(returnUrl));

    [Fact]
    public async Task SignOut_EndsTheSession_AndSaysSo()
    {
        using var browser = _app.Browser();
        await browser.SignInLocallyAsync(FunctionAppFactory.FunctionKey, ConsoleRoles.Operator);

        // The header's "Sign out" form, with the token the page gave it.
        var html = await browser.GetStringAsync("/console/members");
        var signOut = await browser.PostAsync(ConsoleAuthentication.SignOutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebApps.Token(html) }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/console/sign-in?signedOut=true", WebApps.Location(signOut));
        Assert.Contains("expires=thu, 01 jan 1970", WebApps.SetCookie(signOut, ConsoleAuthentication.CookieName), StringComparison.Ordinal);
        Assert.Contains("You are signed out.", await browser.GetStringAsync(signOut.Headers.Location), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console/members")).StatusCode);
    }

    [Fact]
    public async Task Forms_PostedWithoutAToken_Get400WithAPageThatSaysWhy_AndNothingHappens()
    {
        using var browser = _app.Browser();
        await browser.SignInLocallyAsync(FunctionAppFactory.FunctionKey, ConsoleRoles.Operator);

        var signOut = await browser.PostAsync(ConsoleAuthentication.SignOutPath, new FormUrlEncodedContent(new Dictionary<string, string>()));
        var signIn = await browser.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Key"] = FunctionAppFactory.FunctionKey,
            ["Input.Role"] = ConsoleRoles.Support,
        }));

        foreach (var response in new[] { signOut, signIn })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>This form has expired</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(WebApps.SetsCookie(response, ConsoleAuthentication.CookieName));
        }
        // Still signed in, and still as Operator.
        Assert.Contains("<span class=\"role\">Operator</span>", await browser.GetStringAsync("/console/members"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownConsolePath_Gets404InTheConsoleLayout()
    {
        using var browser = _app.Browser();

        var response = await browser.GetAsync("/console/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("/console/assets/console.css", html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
