using CoworkSync.Functions.Portal.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace CoworkSync.UnitTests.Portal;

public sealed class PlatformSignInCookieTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly PlatformSignInCookie _cookie;

    public PlatformSignInCookieTests() => _cookie = new PlatformSignInCookie(new EphemeralDataProtectionProvider(), _time);

    [Fact]
    public void TheCallbackWithTheStateThisBrowserWasGiven_GetsTheVerifierOfTheChallengeSent()
    {
        var (state, challenge, cookie) = Start("cobot");

        var (verifier, problem) = _cookie.Finish(Callback(cookie), "cobot", state, underFunctionsHost: false);

        Assert.Null(problem);
        Assert.Equal(challenge, PlatformSignInCookie.Challenge(verifier!));
    }

    [Fact]
    public void TheCookie_IsHttpOnlyLaxLimitedToTheSignInPages_AndSecureUnderTheHost()
    {
        var context = new DefaultHttpContext();
        _cookie.Start(context, "cobot", underFunctionsHost: true);

        var header = SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString());

        Assert.Equal(PlatformSignInCookie.CookieName, header.Name.ToString());
        Assert.Equal("/portal/sign-in", header.Path.ToString());
        Assert.True(header.HttpOnly);
        Assert.True(header.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, header.SameSite);
    }

    [Fact]
    public void AnotherState_AnotherPlatform_NoCookie_OrTenMinutesLater_IsRefused()
    {
        var (state, _, cookie) = Start("cobot");

        Assert.NotNull(_cookie.Finish(Callback(cookie), "cobot", state + "x", false).Problem);
        Assert.NotNull(_cookie.Finish(Callback(cookie), "other", state, false).Problem);
        Assert.NotNull(_cookie.Finish(new DefaultHttpContext(), "cobot", state, false).Problem);
        Assert.NotNull(_cookie.Finish(Callback(cookie + "tampered"), "cobot", state, false).Problem);
        _time.Advance(PlatformSignInCookie.Lifetime + TimeSpan.FromSeconds(1));
        Assert.NotNull(_cookie.Finish(Callback(cookie), "cobot", state, false).Problem);
    }

    [Fact]
    public void Finishing_RemovesTheCookie()
    {
        var (state, _, cookie) = Start("cobot");
        var callback = Callback(cookie);

        _cookie.Finish(callback, "cobot", state, false);

        Assert.Contains("expires=Thu, 01 Jan 1970", callback.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private (string State, string Challenge, string Cookie) Start(string platform)
    {
        var context = new DefaultHttpContext();
        var (state, challenge) = _cookie.Start(context, platform, underFunctionsHost: false);
        return (state, challenge, SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString()).Value.ToString());
    }

    private static DefaultHttpContext Callback(string cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{PlatformSignInCookie.CookieName}={cookie}";
        return context;
    }
}
