using System.Net;
using CoworkSync.Functions.Web;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Web;

/// <summary>Every console and portal answer carries the security headers; the API's answers are left as they were.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly FunctionAppFactory _app = FunctionAppFactory.LocalMode();

    [Theory]
    [InlineData("/console/sign-in", HttpStatusCode.OK)]
    [InlineData("/console/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/portal", HttpStatusCode.NotFound)]
    public async Task Pages_CarryTheContentSecurityPolicyAndAreNeverCached(string path, HttpStatusCode status)
    {
        using var browser = _app.Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/console/sign-in")]
    [InlineData("/console/no-such-page")]
    [InlineData("/portal/anything")]
    public async Task Pages_HaveNoInlineScriptOrStyle_SoThePolicyNeedsNoExceptions(string path)
    {
        using var browser = _app.Browser();

        var html = await (await browser.GetAsync(path)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
        Assert.DoesNotContain("<base", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/console/assets/console.css")]
    [InlineData("/console/assets/web.css")]
    [InlineData("/portal/assets/portal.css")]
    [InlineData("/portal/assets/web.css")]
    public async Task Assets_AreServedByTheApp_AsCssThatIsRevalidated(string path)
    {
        using var browser = _app.Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Assets_OfOneFace_AreNotServedUnderTheOther()
    {
        using var browser = _app.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/portal/assets/console.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/console/assets/portal.css")).StatusCode);
    }

    [Fact]
    public async Task ApiAnswers_AreUnchanged_NoPagePolicyOnThem()
    {
        using var browser = _app.Browser();

        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public void WebPaths_FaceAndAssetPaths_AreRecognisedBySegment()
    {
        Assert.True(WebPaths.IsFace("/console"));
        Assert.True(WebPaths.IsFace("/portal/sign-in"));
        Assert.False(WebPaths.IsFace("/consoles"));
        Assert.False(WebPaths.IsFace("/api/console"));
        Assert.True(WebPaths.IsAsset("/console/assets/console.css"));
        Assert.False(WebPaths.IsAsset("/console/assetsx/console.css"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    public void Dispose() => _app.Dispose();
}
