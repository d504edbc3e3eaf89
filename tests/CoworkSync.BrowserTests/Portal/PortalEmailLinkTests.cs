using System.Diagnostics;
using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Portal;

/// <summary>
/// Signing in with an emailed link, as a Coworks member does: the link read from the real SMTP sink signs in once, not a
/// second time, not after 15 minutes; an unknown address gets the very same page as a known one; asking too often is refused.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed partial class PortalEmailLinkTests(PortalSite site)
{
    private const string Subject = "Your sign-in link for the WiFi portal";

    [Fact]
    public async Task CoworksMember_SignsInWithTheEmailedLink_Once_OnAPhone()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        var sentBefore = await SentToAsync("ada@example.com");

        await AskForLinkAsync(page, "  Ada@Example.com ");
        await Expect(page.Locator("#link-sent")).ToContainTextAsync("a sign-in link is on its way");
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        var link = await LinkInNewMailAsync("ada@example.com", sentBefore);

        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in with your link");
        await watched.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your WiFi", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open your account at Berlin Mitte" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your account at Berlin Mitte" }).ClickAsync();
        await Expect(page.Locator("#wifi-username")).ToHaveTextAsync("ada@example.com");
        await Expect(page.GetByText(PortalSite.MitteNetwork).First).ToBeVisibleAsync();

        // The same link a second time, in another browser: refused, and no session.
        await using var second = await site.OpenAsync();
        await second.Page.GotoAsync(link.PathAndQuery);
        var refused = await second.Page.RunAndWaitForResponseAsync(
            () => second.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Expect(second.Page.Locator("#link-refused")).ToContainTextAsync("it was used already");
        await second.Page.GotoAsync("/portal");
        await Expect(second.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to your WiFi account");
        watched.AssertNoErrors();
        second.AssertNoErrors(expectedErrorPage: "/portal/sign-in/link");
    }

    [Fact]
    public async Task ALink_SixteenMinutesOld_IsRefused()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var sentBefore = await SentToAsync("grace@example.com");
        await AskForLinkAsync(page, "grace@example.com");
        var link = await LinkInNewMailAsync("grace@example.com", sentBefore);
        await page.GotoAsync(link.PathAndQuery);

        site.Clock.SetNow(TimeProvider.System.GetUtcNow().AddMinutes(16));
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(page.Locator("#link-refused")).ToContainTextAsync("more than 15 minutes old");
        }
        finally
        {
            site.Clock.SetNow(TimeProvider.System.GetUtcNow());
        }
        await page.GotoAsync("/portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to your WiFi account");
        watched.AssertNoErrors(expectedErrorPage: "/portal/sign-in/link");
    }

    [Fact]
    public async Task AnUnknownAddress_GetsTheSamePageAsAKnownOne_AndNoEmail()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        var sentBefore = await SentToAsync("grace@example.com");

        var unknownStatus = await AskForLinkAsync(page, unknown);
        var unknownPage = WithoutFormToken(await page.Locator("main").InnerHTMLAsync());
        var knownStatus = await AskForLinkAsync(page, "grace@example.com");
        var knownPage = WithoutFormToken(await page.Locator("main").InnerHTMLAsync());

        Assert.Equal(200, unknownStatus);
        Assert.Equal(knownStatus, unknownStatus);
        Assert.Equal(knownPage, unknownPage);
        await LinkInNewMailAsync("grace@example.com", sentBefore);
        Assert.DoesNotContain(await site.Mail.ReadMessagesAsync(), m => m.To.Mailboxes.Any(b => b.Address == unknown));
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task AskingForLinks_ForOneAddress_IsLimited()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var address = $"often-{Guid.NewGuid():N}@example.com";

        for (var i = 0; i < 3; i++)
            Assert.Equal(200, await AskForLinkAsync(page, address));
        Assert.Equal(429, await AskForLinkAsync(page, address));

        await Expect(page.Locator("#link-limited")).ToContainTextAsync("Too many sign-in links");
        await Expect(page.Locator("#link-sent")).ToHaveCountAsync(0);
        watched.AssertNoErrors(expectedErrorPage: "/portal/sign-in");
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_IsToldSo_AtItsField()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;

        Assert.Equal(400, await AskForLinkAsync(page, "not an address"));

        var field = page.GetByLabel("The email address your space knows you by");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#link-email-error")).ToContainTextAsync("Enter your email address");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors(expectedErrorPage: "/portal/sign-in");
    }

    /// <summary>Types the address on the sign-in page and asks for a link with the keyboard; the answer's status.</summary>
    private static async Task<int> AskForLinkAsync(IPage page, string address)
    {
        await page.GotoAsync("/portal/sign-in");
        var field = page.GetByLabel("The email address your space knows you by");
        await field.FillAsync(address);
        var response = await page.RunAndWaitForResponseAsync(() => field.PressAsync("Enter"), r => r.Request.Method == "POST");
        return response.Status;
    }

    private async Task<int> SentToAsync(string address) =>
        (await site.Mail.ReadMessagesAsync()).Count(m => m.Subject == Subject && m.To.Mailboxes.Any(b => b.Address == address));

    /// <summary>The link in the sign-in email to <paramref name="address"/> after the <paramref name="before"/> already there.</summary>
    private async Task<Uri> LinkInNewMailAsync(string address, int before)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var mails = (await site.Mail.ReadMessagesAsync()).Where(m => m.Subject == Subject && m.To.Mailboxes.Any(b => b.Address == address)).ToList();
            if (mails.Count > before)
            {
                var text = mails.OrderBy(m => m.Date).Last().TextBody ?? "";
                var link = new Uri(LinkPattern().Match(text).Value);
                Assert.StartsWith(new Uri(site.BaseUrl, "portal/sign-in/link?token=").AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
                return link;
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"No sign-in link to {address} reached the sink.");
            await Task.Delay(100);
        }
    }

    /// <summary>The page's markup without the antiforgery token's value, the one thing each answer has of its own.</summary>
    private static string WithoutFormToken(string html) => FormTokenPattern().Replace(html, "$1");

    [GeneratedRegex("(name=\"__RequestVerificationToken\"[^>]*value=\")[^\"]*")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex(@"https?://\S+/portal/sign-in/link\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex LinkPattern();
}
