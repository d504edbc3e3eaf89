using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Portal;

/// <summary>The portal has no pages yet: its addresses answer 404 in the portal's own layout, which is accessible and fits a phone.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class PortalShellTests(ConsoleSite site)
{
    [Theory]
    [InlineData("/portal")]
    [InlineData("/portal/sign-in")]
    public async Task PortalAddress_AnswersThePortals404Page_AccessibleOnAPhone(string path)
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.Equal(1, await page.Locator("link[href='/portal/assets/portal.css']").CountAsync());
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors(expectedErrorPage: path);
    }
}
