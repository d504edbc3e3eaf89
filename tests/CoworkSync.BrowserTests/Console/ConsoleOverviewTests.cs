using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console;

/// <summary>The overview: the health of /api/health and every connector with its state and last sync.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleOverviewTests(ConsoleSite site)
{
    [Fact]
    public async Task Overview_ShowsHealthAndEachConnectorsState()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var health = page.GetByRole(AriaRole.Region, new() { Name = "Health" });
        Assert.Equal("Healthy: every dependency answers.", (await health.Locator("#health-summary").TextContentAsync())!.Trim());
        Assert.Contains("Table storage", await health.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Events queue", await health.TextContentAsync(), StringComparison.Ordinal);

        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        var coworks = rows.Filter(new() { HasText = ConsoleSite.CoworksName });
        Assert.Contains("Coworks", await coworks.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("secrets set", await coworks.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("succeeded 2026-12-05 09:30 UTC, 10 members seen", await coworks.TextContentAsync(), StringComparison.Ordinal);
        var cobot = rows.Filter(new() { HasText = ConsoleSite.CobotName });
        Assert.Contains("not connected", await cobot.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("none yet", await cobot.TextContentAsync(), StringComparison.Ordinal);

        await watched.AssertAccessibleAsync();
        await watched.ScreenshotAsync("console", "overview");
        watched.AssertNoErrors();
    }
}
