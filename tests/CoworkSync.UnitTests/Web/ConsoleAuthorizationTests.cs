using System.Security.Claims;
using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.UnitTests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.Web;

/// <summary>The console's two policies as the app registers them, and the faces' session cookies as configured.</summary>
public sealed class ConsoleAuthorizationTests : IDisposable
{
    private readonly FunctionAppFactory _app = FunctionAppFactory.LocalMode();

    [Theory]
    [InlineData(ConsoleRoles.Operator, true, true)]
    [InlineData(ConsoleRoles.Support, true, false)]
    [InlineData("Billing", false, false)]
    [InlineData(null, false, false)]
    public async Task Policies_OperatorMayDoEverything_SupportEverythingButConfiguration(string? role, bool support, bool operate)
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone") };
        if (role is not null)
            claims.Add(new Claim(ClaimTypes.Role, role));
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));

        Assert.Equal(support, (await authorization.AuthorizeAsync(user, ConsolePolicies.Support)).Succeeded);
        Assert.Equal(operate, (await authorization.AuthorizeAsync(user, ConsolePolicies.Operator)).Succeeded);
    }

    [Fact]
    public async Task Policies_NobodySignedIn_MayDoNothing()
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.False((await authorization.AuthorizeAsync(anonymous, ConsolePolicies.Support)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(anonymous, PortalPolicies.Member)).Succeeded);
    }

    [Fact]
    public void LocalAdminKey_MatchesTheKeyOnly()
    {
        var key = _app.Services.GetRequiredService<LocalAdminKey>();

        Assert.True(key.Matches(FunctionAppFactory.FunctionKey));
        Assert.False(key.Matches(FunctionAppFactory.FunctionKey + " "));
        Assert.False(key.Matches(FunctionAppFactory.FunctionKey[..^1]));
        Assert.False(key.Matches(""));
        Assert.False(key.Matches(null));
    }

    [Fact]
    public void ConsoleCookie_IsAStrictHttpOnlySessionOfTheConsolePath_WithASlidingIdleTimeout()
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleAuthentication.Scheme);

        Assert.Equal(ConsoleAuthentication.CookieName, options.Cookie.Name);
        Assert.Equal("/console", options.Cookie.Path);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.Cookie.SecurePolicy);
        Assert.Null(options.Cookie.MaxAge);
        Assert.Equal(ConsoleAuthentication.IdleTimeout, options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.Equal(ConsoleAuthentication.SignInPath, options.LoginPath);
    }

    [Fact]
    public void PortalCookie_IsALaxHttpOnlySessionOfThePortalPath_EndingAfter30IdleMinutes()
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalAuthentication.Scheme);

        Assert.Equal(PortalAuthentication.CookieName, options.Cookie.Name);
        Assert.Equal("/portal", options.Cookie.Path);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.Cookie.SecurePolicy);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public void Cookies_UnderTheFunctionsHost_AreAlwaysSecure()
    {
        using var hosted = WebApps.UnderHost("True");

        var portal = hosted.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalAuthentication.Scheme);
        var antiforgery = hosted.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value;

        Assert.Equal(CookieSecurePolicy.Always, portal.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.Cookie.SecurePolicy);
    }

    public void Dispose() => _app.Dispose();
}
