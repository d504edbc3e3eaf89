using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console;

/// <summary>Every console page built so far: no serious accessibility violation, no browser error, no sideways scrolling on a phone.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsolePagesTests(ConsoleSite site)
{
    public static TheoryData<string, int, string> Pages => new()
    {
        { "/console", 200, "Overview" },
        { "/console/connectors", 200, "Connectors" },
        { "/console/connectors/" + ConsoleSite.CoworksConnector, 200, ConsoleSite.CoworksName },
        { "/console/connectors/" + ConsoleSite.CobotConnector + "/test", 200, "Test " + ConsoleSite.CobotName },
        { "/console/connectors/" + ConsoleSite.CobotConnector + "/secrets", 200, "Secrets of " + ConsoleSite.CobotName },
        { "/console/connectors/" + ConsoleSite.CoworksConnector + "/plans", 200, "Plan mapping of " + ConsoleSite.CoworksName },
        { "/console/connectors/new", 200, "New connector" },
        { "/console/connectors/new?platform=cobot", 200, "New connector" },
        { "/console/connectors/" + ConsoleSite.CobotConnector + "/edit", 200, "Edit " + ConsoleSite.CobotName },
        { "/console/connectors/no-such-connector/edit", 404, "Edit connector" },
        { "/console/members", 200, "Members" },
        { "/console/access-groups", 200, "Access groups" },
        { "/console/dead-letters", 200, "Dead letters" },
        { "/console/audit", 200, "Audit" },
        { "/console/access-denied", 200, "You cannot do this" },
        { "/console/no-such-page", 404, "Page not found" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SignedIn_IsAccessibleAndErrorFree_OnADesktopAndAPhone(string path, int status, string heading)
    {
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var watched = await site.OpenAsync(width, height);
            var page = watched.Page;
            await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

            var response = await page.GotoAsync(path);

            Assert.Equal(status, response!.Status);
            Assert.Equal(heading, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())?.Trim());
            Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
            Assert.Equal(1, await page.GetByRole(AriaRole.Banner).CountAsync());
            await watched.AssertAccessibleAsync();
            await watched.AssertNoHorizontalOverflowAsync();
            watched.AssertNoErrors(expectedErrorPage: status == 200 ? null : path);
        }
    }

    [Fact]
    public async Task SignInPage_OnAPhone_FitsTheScreen()
    {
        await using var watched = await site.OpenAsync(390, 844);
        await new ConsoleSignIn(watched.Page).OpenAsync();

        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Navigation_MarksTheCurrentSection()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Dead letters" }).ClickAsync();

        Assert.EndsWith("/console/dead-letters", page.Url, StringComparison.Ordinal);
        var current = page.Locator("nav a[aria-current=page]");
        Assert.Equal(1, await current.CountAsync());
        Assert.Equal("Dead letters", await current.TextContentAsync());
        watched.AssertNoErrors();
    }
}
