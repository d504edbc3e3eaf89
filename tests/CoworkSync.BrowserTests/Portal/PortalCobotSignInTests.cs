using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Portal;

/// <summary>
/// "Sign in with Cobot": the Cobot simulator plays Cobot's OAuth provider and user API; a member lands on their own
/// accounts, in every connected space they have a membership in, and nobody else's.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class PortalCobotSignInTests(PortalSite site)
{
    [Fact]
    public async Task CobotMember_SignsInThroughCobot_AndSeesTheirAccountInEachConnectedSpace()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/portal");
        Assert.EndsWith("/portal/sign-in?returnUrl=%2Fportal", page.Url, StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        var before = site.Cobot.RequestCount;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Alex);
        var requests = site.Cobot.Requests.Skip(before).ToList();

        var spaces = page.GetByRole(AriaRole.List, new() { Name = "Your spaces" }).GetByRole(AriaRole.Heading);
        await Expect(spaces).ToHaveTextAsync(["Co-Up Hamburg", "Co-Down Kiel"]);
        await Expect(page.GetByText("Somewhere Else")).ToHaveCountAsync(0);
        await Expect(page.GetByText("alex@example.com").First).ToBeVisibleAsync();
        // PKCE S256 at Cobot's authorize page, the user read with the code's token, which was then revoked.
        Assert.Contains(requests, r => r.PathAndQuery.StartsWith("/oauth/authorize?", StringComparison.Ordinal)
            && r.PathAndQuery.Contains("scope=read_user", StringComparison.Ordinal) && r.PathAndQuery.Contains("code_challenge_method=S256", StringComparison.Ordinal));
        var userRead = Assert.Single(requests, r => r.Method == "GET" && r.PathAndQuery == "/api/user" && r.Status == 200);
        Assert.Contains(requests, r => r.Method == "DELETE" && r.PathAndQuery.StartsWith("/api/access_tokens/", StringComparison.Ordinal) && r.At >= userRead.At);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task CobotUser_WithoutAMembershipAtAConnectedSpace_IsToldSo_AndGetsNoSession()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        site.Cobot.BrowserUser = PortalSite.Stranger.Id;
        await page.GotoAsync("/portal/sign-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Cobot" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No WiFi here for this account");
        var again = await page.GotoAsync("/portal");
        Assert.Contains("/portal/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, again!.Status);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors(expectedErrorPage: "/portal/sign-in/cobot/callback");
    }

    [Fact]
    public async Task ACallbackThisBrowserDidNotStart_IsRefused_WithoutASession()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var code = site.Cobot.Authorize(IntegrationTests.Simulators.CobotSimulator.ClientId, new Uri(site.BaseUrl, "portal/sign-in/cobot/callback").AbsoluteUri, "read_user");

        var response = await page.GotoAsync($"/portal/sign-in/cobot/callback?code={code}&state=forged");

        Assert.Equal(400, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are not signed in");
        await page.GotoAsync("/portal");
        Assert.Contains("/portal/sign-in", page.Url, StringComparison.Ordinal);
        watched.AssertNoErrors(expectedErrorPage: "/portal/sign-in/cobot/callback");
    }

    [Fact]
    public async Task SignIn_WorksWithTheKeyboardAlone_AndSignOutEndsTheSession()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        site.Cobot.BrowserUser = PortalSite.Alex.Id;
        await page.GotoAsync("/portal/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Cobot" });
        for (var i = 0; i < 5 && !await signIn.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(signIn).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Uri(site.BaseUrl, "portal").AbsoluteUri);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        await page.GotoAsync("/portal");
        Assert.Contains("/portal/sign-in", page.Url, StringComparison.Ordinal);
        watched.AssertNoErrors();
    }
}
