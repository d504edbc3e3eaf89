using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Console.Members;

/// <summary>
/// Support finds a member and asks why they cannot connect: the search, the member's page and the explanation of what
/// RADIUS authorize would answer (suspended, outside the Flex window, hours used up, an unknown access point, accepted).
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class MemberPagesTests(ConsoleSite site)
{
    // Monday 10:00 and Saturday 10:00 in Berlin, the Mitte location's zone: inside and outside Flex's weekday window.
    private const string MondayMorning = "2026-12-07T10:00";
    private const string SaturdayMorning = "2026-12-05T10:00";

    [Fact]
    public async Task Search_FindsByNamePrefixAndEmail_AndOpensTheMembersPage()
    {
        var seeds = new MemberSeeds(site);
        var ada = await seeds.ActiveAsync("ada", "Ada", "Lovelace");
        await seeds.ActiveAsync("alan", "Alan", "Turing", plan: "Full-time");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await page.GotoAsync("/console/members");
        await page.GetByLabel("Name, email, member id or WiFi user name").FillAsync("lovel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.Locator("#results");
        await Expect(results).ToContainTextAsync(ada);
        await Expect(results).Not.ToContainTextAsync("Turing");
        await watched.AssertAccessibleAsync();

        await page.GetByLabel("Name, email, member id or WiFi user name").FillAsync(seeds.Email("ada").ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#results-summary")).ToContainTextAsync("email");
        await results.GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ada Lovelace");
        await Expect(page.Locator("#usage-text")).ToContainTextAsync("left");
        await Expect(page.Locator("section[aria-labelledby=events-heading]")).ToContainTextAsync("new member");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task ACobotMembersPage_ShowsTheirLastCheckIn()
    {
        var seeds = new MemberSeeds(site);
        var grace = await seeds.CobotMemberCheckedInAsync("grace", "Grace", "Hopper", new DateTimeOffset(2026, 12, 4, 8, 15, 0, TimeSpan.Zero));
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await page.GotoAsync($"/console/members/member?connector={ConsoleSite.CobotConnector}&id={Uri.EscapeDataString(grace)}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grace Hopper");
        var checkIns = page.GetByRole(AriaRole.Region, new() { Name = "Cobot check in" });
        await Expect(checkIns).ToContainTextAsync("Last check in on");
        await Expect(checkIns).ToContainTextAsync("2026-12-04");
        await Expect(checkIns).ToContainTextAsync("2026-12-04 08:15 UTC");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Explain_SaysWhyEachDeniedMemberCannotConnect_AndWhatAnAcceptSends()
    {
        var seeds = new MemberSeeds(site);
        var flex = await seeds.ActiveAsync("grace", "Grace", "Hopper");
        var suspended = await seeds.SuspendedAsync("edsger", "Edsger", "Dijkstra");
        var spent = await seeds.ActiveAsync("barbara", "Barbara", "Liskov");
        await seeds.UseHoursAsync(spent, 41, DateTimeOffset.Parse("2026-12-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await ExplainAsync(page, suspended, "mitte-ap-1", MondayMorning);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Access-Reject");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Access disabled");
        await Expect(page.Locator("li[data-check=enabled]")).ToContainTextAsync("Failed");

        await ExplainAsync(page, flex, "mitte-ap-1", SaturdayMorning);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Outside the allowed hours.");
        await Expect(page.Locator("li[data-check=timeWindow]")).ToContainTextAsync("Failed");

        await ExplainAsync(page, spent, "mitte-ap-1", MondayMorning);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Hours used up");
        await Expect(page.Locator("li[data-check=hours]")).ToContainTextAsync("Failed");

        await ExplainAsync(page, flex, "lobby-7", MondayMorning);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("This access point is not known to your space.");
        await Expect(page.Locator("li[data-check=accessPoint]")).ToContainTextAsync("Failed");
        await Expect(page.Locator("li[data-check=location]")).ToContainTextAsync("Not checked");
        await Expect(page.Locator("li[data-check=devices]")).ToContainTextAsync("Not checked");

        await ExplainAsync(page, flex, "mitte-ap-1", MondayMorning);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Access-Accept");
        var reply = page.Locator("#reply-attributes");
        await Expect(reply).ToContainTextAsync("reply:Session-Timeout");
        await Expect(reply).ToContainTextAsync("never shown");
        await Expect(page.Locator("li[data-check=devices]")).ToContainTextAsync("Passed");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Explain_WithTheKeyboardAlone_AndAtPhoneWidth()
    {
        var seeds = new MemberSeeds(site);
        var flex = await seeds.ActiveAsync("hedy", "Hedy", "Lamarr");
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync($"/console/members/member?connector={ConsoleSite.CoworksConnector}&id={Uri.EscapeDataString(flex)}");

        await page.GetByLabel("Access point (NAS-Identifier)").FocusAsync();
        await page.Keyboard.TypeAsync("lobby-7");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("This access point is not known to your space.");
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(wide.Length == 0, string.Join(" | ", wide));
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    private static async Task ExplainAsync(IPage page, string memberId, string nas, string at)
    {
        await page.GotoAsync($"/console/members/member?connector={ConsoleSite.CoworksConnector}&id={Uri.EscapeDataString(memberId)}");
        await page.GetByLabel("Access point (NAS-Identifier)").FillAsync(nas);
        await page.GetByLabel("When").FillAsync(at);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(page.Locator("#verdict")).ToBeVisibleAsync();
    }
}
