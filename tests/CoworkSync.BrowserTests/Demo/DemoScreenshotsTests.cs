using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Console;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Simulators.Demo;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Demo;

/// <summary>
/// Every page of the console and the portal on the demo's data (what <c>bash scripts/demo.sh</c> shows), each checked
/// for what the demo must show there and with axe, and photographed for the README:
/// <c>COWORKSYNC_SCREENSHOTS=1 dotnet test tests/CoworkSync.BrowserTests -c Release --filter DemoScreenshots</c>
/// writes <c>docs/console/*.png</c> and <c>docs/portal/*.png</c>. The only place screenshots are taken.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class DemoScreenshotsTests(DemoSite site)
{
    private const string SpaceName = "Demo space (simulated Coworks)";
    private const string SignInLinkSubject = "Your sign-in link for the WiFi portal";

    // The demo's cast (DemoCast): Charles is suspended by the demo, Barbara's Dedicated plan is open around the clock.
    private const string Charles = "Charles Babbage";
    private const string Barbara = "Barbara Liskov";
    private const string AdaEmail = "ada.lovelace@example.com";

    private string Connector => site.Demo.ConnectorId;

    private string ConnectorPath => "/console/connectors/" + Connector;

    [Fact]
    public async Task Console_EveryPage_AsOperator_OnTheDemoData()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);

        await signIn.OpenAsync();
        await Expect(signIn.Key).ToBeVisibleAsync();
        await ShootAsync(watched, "console", "sign-in");
        await signIn.SignInAsync(site.AdminKey);
        await Expect(signIn.SignedInRole).ToHaveTextAsync("Operator");

        await page.GotoAsync("/console");
        await Expect(page.Locator("#health-summary")).ToContainTextAsync("Healthy");
        await Expect(page.Locator("#dead-letters-waiting")).ToContainTextAsync("1");
        await Expect(page.Locator("section[aria-labelledby=connectors-heading]")).ToContainTextAsync(SpaceName);
        await ShootAsync(watched, "console", "overview");

        await page.GotoAsync("/console/connectors");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Connectors, by name" }).GetByRole(AriaRole.Row).Filter(new() { HasText = SpaceName });
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("Coworks");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("secrets set");
        await ShootAsync(watched, "console", "connectors");

        await row.GetByRole(AriaRole.Link, new() { Name = SpaceName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ConnectorPath) + "$"));
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main.Locator(".connector-facts")).ToContainTextAsync(DemoCast.SpaceId);
        var location = main.GetByRole(AriaRole.Table, new() { Name = "Locations" }).GetByRole(AriaRole.Row).Filter(new() { HasText = DemoCast.LocationId });
        await Expect(location).ToContainTextAsync(DemoCast.NasIdentifierPattern);
        await Expect(main.GetByRole(AriaRole.Table, new() { Name = "Secrets" }).GetByRole(AriaRole.Cell, new() { Name = "set", Exact = true })).ToHaveCountAsync(2);
        await Expect(main.GetByRole(AriaRole.List, new() { Name = "Sync runs, newest first" }).Locator(":scope > li")).Not.ToHaveCountAsync(0);
        await ShootAsync(watched, "console", "connector");

        // The demo space answers: every check of the connector's test passes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the test" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Every check passed" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Checks, in the order they ran" })).ToContainTextAsync("plans:");
        await ShootAsync(watched, "console", "connector-test");

        await page.GotoAsync(ConnectorPath + "/secrets");
        await Expect(page.Locator("#secret-apiKey-state")).ToHaveTextAsync(new Regex(@"^\s*Set, last set \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.\s*$"));
        await Expect(page.Locator("#secret-webhookSecret-state")).ToHaveTextAsync(new Regex(@"^\s*Set, last set"));
        await ShootAsync(watched, "console", "connector-secrets");

        await page.GotoAsync(ConnectorPath + "/plans");
        foreach (var plan in DemoCast.Plans.Where(p => p.Groups.Count > 0))
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = plan.Name }).Locator($"input[type=checkbox][value={plan.Groups[0]}]")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = DemoPlan.Virtual.Name }).GetByLabel("No WiFi")).ToBeCheckedAsync();
        await Expect(page.Locator(".plan-unmapped")).ToHaveCountAsync(0);
        await ShootAsync(watched, "console", "connector-plans");

        await page.GotoAsync(ConnectorPath + "/edit");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(SpaceName);
        await Expect(page.GetByLabel("Space id")).ToHaveValueAsync(DemoCast.SpaceId);
        await ShootAsync(watched, "console", "connector-edit");

        await page.GotoAsync(ConnectorPath + "/sync");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sync now");
        await ShootAsync(watched, "console", "connector-sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync queued");
        await AssertAccessibleAsync(watched);

        await page.GotoAsync("/console/members");
        await page.GetByLabel("Name, email, member id or WiFi user name").FillAsync("d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.Locator("#results");
        foreach (var name in new[] { "Edsger Dijkstra", "Donald Knuth", "Dennis Ritchie" })
            await Expect(results).ToContainTextAsync(name);
        await Expect(results).Not.ToContainTextAsync("Lovelace");
        await ShootAsync(watched, "console", "members-search");

        await page.GotoAsync(MemberPath(DemoCast.AcceptedMemberId));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Barbara);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "At the platform" })).ToContainTextAsync(DemoPlan.Dedicated.Name);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "WiFi account" })).ToContainTextAsync("barbara.liskov@example.com");
        await ShootAsync(watched, "console", "member");

        await ExplainSuspendedAsync(page);
        await ShootAsync(watched, "console", "member-explained");

        await page.GotoAsync("/console/dead-letters");
        var deadLetters = page.Locator("#dead-letters");
        var deadLetter = deadLetters.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoRunner.DeadLetterReason });
        await Expect(deadLetter).ToHaveCountAsync(1);
        await Expect(deadLetter).ToContainTextAsync(Connector);
        await ShootAsync(watched, "console", "dead-letters");

        await deadLetter.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#history")).ToContainTextAsync(DemoRunner.DeadLetterReason);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replay…" })).ToBeVisibleAsync();
        await ShootAsync(watched, "console", "dead-letter");

        await page.GotoAsync($"/console/audit?area=connectors&connector={Connector}");
        var entries = page.GetByRole(AriaRole.List, new() { Name = "Changes, newest first" }).Locator(":scope > li");
        await Expect(entries.First.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex($"^Started a sync of connector {Connector} "));
        await Expect(entries.Filter(new() { HasText = $"Created connector {Connector} (" })).Not.ToHaveCountAsync(0);
        await ShootAsync(watched, "console", "audit");

        await page.GotoAsync("/console/access-groups");
        foreach (var group in DemoCast.Plans.SelectMany(p => p.Groups))
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = group })).Not.ToHaveCountAsync(0);
        await ShootAsync(watched, "console", "access-groups");

        // Flex is the group with hours: its form shows the weekday windows it allows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Flex" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Flex");
        await Expect(page.GetByLabel("Only in the windows below")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Monday", new() { Exact = true })).Not.ToHaveValueAsync("");
        await ShootAsync(watched, "console", "access-group-edit");

        await page.GotoAsync("/console/portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Member portal");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(new Uri(site.BaseUrl, "portal").AbsoluteUri);
        await ShootAsync(watched, "console", "member-portal");
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Console_AsSupport_IsRefusedTheOperatorsPages()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(site.AdminKey, "Support");

        await page.GotoAsync(ConnectorPath + "/edit");

        await Expect(page).ToHaveURLAsync(new Regex("/console/access-denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot do this");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("with the Support role, which does not allow this");
        await ShootAsync(watched, "console", "access-denied");
        watched.AssertNoErrors(expectedErrorPage: "/console/access-denied");
    }

    [Fact]
    public async Task Console_WhyCantTheyConnect_OnAPhone()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(site.AdminKey, "Support");

        await ExplainSuspendedAsync(page);

        await watched.AssertNoHorizontalOverflowAsync();
        await ShootAsync(watched, "console", "member-explained-phone");
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Portal_ADemoMember_SignsInWithTheEmailedLink_AndSeesTheirAccount()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var welcome = site.Emails(AdaEmail, "Your WiFi access: ");
        Assert.NotEmpty(welcome);

        await page.GotoAsync("/portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to your WiFi account");
        await ShootAsync(watched, "portal", "sign-in");

        await page.SetViewportSizeAsync(390, 844);
        var before = site.Emails(AdaEmail, SignInLinkSubject).Count;
        var field = page.GetByLabel("The email address your space knows you by");
        await field.FillAsync(AdaEmail);
        await field.PressAsync("Enter");
        await Expect(page.Locator("#link-sent")).ToContainTextAsync("a sign-in link is on its way");
        await watched.AssertNoHorizontalOverflowAsync();
        await ShootAsync(watched, "portal", "sign-in-link-sent");

        await page.GotoAsync((await SignInLinkAsync(AdaEmail, before)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your WiFi", Level = 1 })).ToBeVisibleAsync();
        var open = page.GetByRole(AriaRole.Link, new() { Name = "Open your account at " + SpaceName });
        await Expect(open).ToBeVisibleAsync();
        await ShootAsync(watched, "portal", "accounts");

        await page.SetViewportSizeAsync(390, 844);
        await open.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SpaceName);
        await Expect(page.Locator("#account-state")).ToHaveTextAsync("Your WiFi access is on.");
        await Expect(page.Locator("#wifi-username")).ToHaveTextAsync(AdaEmail);
        await watched.AssertNoHorizontalOverflowAsync();
        await ShootAsync(watched, "portal", "account");

        // The password the demo's welcome email holds, until Ada changes it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my password" }).ClickAsync();
        await Expect(page.Locator("#wifi-password")).ToHaveTextAsync(WelcomeEmailOutbox.Password(welcome[^1]));
        await page.GetByLabel("I understand that my devices will need the new password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(page.GetByText("Your new password:")).ToBeVisibleAsync();
        await Expect(page.Locator("#wifi-password")).Not.ToHaveTextAsync(WelcomeEmailOutbox.Password(welcome[^1]));
        await watched.AssertNoHorizontalOverflowAsync();
        await ShootAsync(watched, "portal", "password-changed");
        watched.AssertNoErrors();
    }

    private string MemberPath(string memberId) => $"/console/members/member?connector={Connector}&id={Uri.EscapeDataString(memberId)}";

    /// <summary>"Why can't they connect?" for the member the demo suspended, at the demo's access point, now.</summary>
    private async Task ExplainSuspendedAsync(IPage page)
    {
        await page.GotoAsync(MemberPath(DemoCast.SuspendedMemberId));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Charles);
        await page.GetByLabel("Access point (NAS-Identifier)").FillAsync(DemoCast.NasIdentifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Access-Reject");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Access disabled");
        await Expect(page.Locator("li[data-check=enabled]")).ToContainTextAsync("Failed");
    }

    /// <summary>Axe finds nothing serious, then (with the variable set) the page is saved as <c>docs/{face}/{name}.png</c>.</summary>
    private static async Task ShootAsync(WatchedPage watched, string face, string name)
    {
        await AssertAccessibleAsync(watched);
        await watched.ScreenshotAsync(face, name);
    }

    private static Task AssertAccessibleAsync(WatchedPage watched) => watched.AssertAccessibleAsync();

    /// <summary>The link in the sign-in email to <paramref name="address"/> after the <paramref name="before"/> already in the outbox.</summary>
    private async Task<Uri> SignInLinkAsync(string address, int before)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var emails = site.Emails(address, SignInLinkSubject);
            if (emails.Count > before)
            {
                var link = new Uri(LinkPattern().Match(MimeMessage.Load(emails[^1]).TextBody ?? "").Value);
                Assert.StartsWith(new Uri(site.BaseUrl, "portal/sign-in/link?token=").AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
                return link;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"No sign-in link to {address} reached the outbox.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https?://\S+/portal/sign-in/link\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex LinkPattern();
}
