using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Portal;

/// <summary>Signing in to the portal as a member does it, in the browser.</summary>
public static class PortalSignIn
{
    /// <summary>Signs in with Cobot as <paramref name="user"/> (the simulator's signed-in user) and lands on the accounts page.</summary>
    public static async Task WithCobotAsync(PortalSite site, WatchedPage watched, CobotSimUser user)
    {
        site.Cobot.BrowserUser = user.Id;
        var page = watched.Page;
        await page.GotoAsync("/portal/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Cobot" }).ClickAsync();
        // The URL is polled rather than awaited with WaitForURLAsync, whose wait for the load event after a redirect chain
        // intermittently never returns in Playwright for .NET.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.BaseUrl, "portal").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your WiFi", Level = 1 })).ToBeVisibleAsync();
    }
}
