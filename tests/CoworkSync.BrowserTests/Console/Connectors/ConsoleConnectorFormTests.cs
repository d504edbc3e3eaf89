using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Members.Sync;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Connectors;

/// <summary>
/// The connector form: an Operator creates a Coworks connector against the simulated space with the keyboard (a wrong
/// time zone answered at its field first), sets its secrets, maps its plans, runs the test and a sync, and finds the
/// member it brought; an edit shows what is stored (sync and account settings included), saves what changed and keeps
/// the rest; a taken id is refused; Support is not offered the form and a crafted post changes nothing.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleConnectorFormTests(ConsoleSite site)
{
    [Fact]
    public async Task NewConnector_CreatedWithTheKeyboard_SecretsPlansTestAndSync_BringsItsMemberIn()
    {
        await using var coworks = await CoworksSimulator.StartAsync();
        var connectorId = "form-" + Guid.NewGuid().ToString("N")[..8];
        var spaceId = "spc_" + connectorId.Replace("-", "_", StringComparison.Ordinal);
        var email = $"grace-{connectorId}@example.com";
        coworks.AddSpace(spaceId, "form-api-key").AddPlan("pln_flex", "Flex")
            .AddMembers(SimulatedMember.Active("mem_" + connectorId) with { FirstName = "Grace", LastName = "Hopper", Email = email, LocationId = "loc_k" });
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync("/console/connectors");
        await page.GetByRole(AriaRole.Link, new() { Name = "New connector" }).ClickAsync();

        // The platform first, with the keyboard.
        await page.GetByLabel("Coworks", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Coworks settings" })).ToBeVisibleAsync();
        await watched.AssertAccessibleAsync();

        await page.GetByLabel("Connector id").FocusAsync();
        await TypeThenTabAsync(page, connectorId, "Kreuzberg", "loc_k", "Kreuzberg", "Mars/Olympus", "kreuzberg-ap-*", "Kreuzberg Members", "radius.example.org",
            coworks.BaseUrl.ToString(), spaceId, "30");
        // Sync and accounts: creates accounts and disables them (kept on), no welcome emails (Space turns it off), own location only.
        await Assertions.Expect(page.GetByLabel("Create accounts")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Send welcome emails")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create the connector" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The service's time zone rule, at its field; nothing saved.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved: 1 field needs correcting.");
        await Assertions.Expect(page.GetByLabel("Full sync every (minutes)")).ToHaveValueAsync("30");
        await Assertions.Expect(page.GetByLabel("Send welcome emails")).Not.ToBeCheckedAsync();
        var timeZone = page.GetByLabel("Time zone").First;
        await Assertions.Expect(timeZone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(timeZone).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Time zone must be an IANA time zone such as Europe/Berlin"));
        using var admin = Admin();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/connectors/{connectorId}")).StatusCode);
        await watched.AssertAccessibleAsync();

        await timeZone.FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the connector" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The connector is saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kreuzberg");

        var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{connectorId}");
        Assert.Equal("coworks", saved.GetProperty("platform").GetString());
        var location = saved.GetProperty("locations")[0];
        Assert.Equal(("loc_k", "Europe/Berlin", "kreuzberg-ap-*", "Kreuzberg Members"),
            (location.GetProperty("id").GetString(), location.GetProperty("timeZone").GetString(), location.GetProperty("nasIdentifiers")[0].GetString(), location.GetProperty("networkName").GetString()));
        Assert.Equal(spaceId, saved.GetProperty("coworks").GetProperty("spaceId").GetString());
        var settings = saved.GetProperty("settings");
        Assert.Equal((30, true, true, false, false), (settings.GetProperty("syncIntervalMinutes").GetInt32(), settings.GetProperty("autoProvision").GetBoolean(),
            settings.GetProperty("autoDeprovision").GetBoolean(), settings.GetProperty("sendWelcomeEmail").GetBoolean(), settings.GetProperty("allowAllLocations").GetBoolean()));

        // Secrets, then the plan mapping.
        await page.GetByRole(AriaRole.Link, new() { Name = "Set or rotate secrets" }).ClickAsync();
        await page.GetByLabel("API key").FillAsync("form-api-key");
        await page.GetByLabel("Webhook signing secret").FillAsync("form-webhook-secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set these secrets" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Set:");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the connector" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the plan mapping" }).ClickAsync();
        var flex = page.GetByRole(AriaRole.Group, new() { Name = "Flex" });
        await flex.GetByLabel("These access groups:").CheckAsync();
        await flex.Locator("input[type=checkbox][value=flex]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan mapping" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The plan mapping is saved.");

        // The test reaches the simulated space and finds every plan mapped.
        await page.GotoAsync($"/console/connectors/{connectorId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the test" }).ClickAsync();
        var checks = page.GetByRole(AriaRole.List, new() { Name = "Checks, in the order they ran" }).Locator(":scope > li");
        await Assertions.Expect(checks.First).ToContainTextAsync("api: passed");
        await Assertions.Expect(checks.Filter(new() { HasText = "plans:" })).ToContainTextAsync("plans: passed");

        // Sync now: the queue pump runs it; the connector shows its counts and the member search finds the member.
        await page.GotoAsync($"/console/connectors/{connectorId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync queued");
        var run = await FinishedRunAsync(connectorId);
        Assert.Equal((SyncRunState.Succeeded, 1), (run.State, run.Counts.Created));
        await page.ReloadAsync();
        var latest = page.GetByRole(AriaRole.List, new() { Name = "Sync runs, newest first" }).Locator(":scope > li").First;
        await Assertions.Expect(latest.Locator("dl.counts div").Filter(new() { HasText = "Created" })).ToContainTextAsync("1");
        await page.GotoAsync("/console/members");
        await page.GetByLabel("Name, email, member id or WiFi user name").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Grace Hopper");
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task EditConnector_ShowsWhatIsStored_SavesTheChange_AndKeepsTheSettingsLeftAsTheyWere()
    {
        var connectorId = "edit-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
        {
            platform = "coworks",
            displayName = "Neukölln Loft",
            locations = new[] { new { id = "loc_n", name = "Neukölln", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "nk-ap-*", "nk-lobby" }, networkName = "Loft Members" } },
            coworks = new { apiBaseUrl = "https://api.coworks.example/v1", spaceId = "spc_loft" },
            settings = new { syncIntervalMinutes = 30, autoProvision = false },
        })).EnsureSuccessStatusCode();
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the connector" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Neukölln Loft");
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Location 1: Neukölln" });
        await Assertions.Expect(first.GetByLabel("Access points")).ToHaveValueAsync("nk-ap-*\nnk-lobby");
        await Assertions.Expect(page.GetByLabel("Space id")).ToHaveValueAsync("spc_loft");
        await Assertions.Expect(page.GetByLabel("API base URL")).ToHaveValueAsync("https://api.coworks.example/v1");
        await Assertions.Expect(page.GetByLabel("Full sync every (minutes)")).ToHaveValueAsync("30");
        await Assertions.Expect(page.GetByLabel("Create accounts")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Send welcome emails")).ToBeCheckedAsync();
        await watched.AssertAccessibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Neukölln Loft & Garden");
        var second = page.GetByRole(AriaRole.Group, new() { Name = "Location 2" });
        await second.GetByLabel("Location id").FillAsync("loc_g");
        await second.GetByLabel("Location name").FillAsync("Garden");
        await second.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await second.GetByLabel("Access points").FillAsync("garden-ap-*");
        // The service's rule for the interval, at its field; then a value it takes.
        await page.GetByLabel("Full sync every (minutes)").FillAsync("2");
        await page.GetByLabel("Members may connect at every location").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the connector" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Full sync every (minutes)")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Full sync every must be between 5 and 1440"));
        await Assertions.Expect(page.GetByLabel("Members may connect at every location")).ToBeCheckedAsync();
        await page.GetByLabel("Full sync every (minutes)").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the connector" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The connector is saved.");

        var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{connectorId}");
        Assert.Equal("Neukölln Loft & Garden", saved.GetProperty("displayName").GetString());
        Assert.Equal(["loc_n", "loc_g"], saved.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList());
        Assert.Equal(["nk-ap-*", "nk-lobby"], saved.GetProperty("locations")[0].GetProperty("nasIdentifiers").EnumerateArray().Select(n => n.GetString()).ToList());
        var settings = saved.GetProperty("settings");
        Assert.Equal((45, false, true, true), (settings.GetProperty("syncIntervalMinutes").GetInt32(), settings.GetProperty("autoProvision").GetBoolean(),
            settings.GetProperty("sendWelcomeEmail").GetBoolean(), settings.GetProperty("allowAllLocations").GetBoolean()));
        await page.GotoAsync($"/console/audit?area=connectors&connector={connectorId}");
        Assert.Contains($"Changed the configuration of connector {connectorId}", await page.GetByRole(AriaRole.Main).TextContentAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task ConnectorForm_OnAPhone_IsAccessible_AndANewConnectorCannotTakeAnExistingId()
    {
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}");
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync("/console/connectors/new");
        await watched.AssertAccessibleAsync();
        await page.GotoAsync("/console/connectors/new?platform=coworks");
        await page.GetByLabel("Connector id").FillAsync(ConsoleSite.CoworksConnector);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Taken");
        await page.GetByLabel("Location id").FillAsync("loc_t");
        await page.GetByLabel("Location name").FillAsync("T");
        await page.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await page.GetByLabel("API base URL").FillAsync("https://taken.example/");
        await page.GetByLabel("Space id").FillAsync("spc_taken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the connector" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Connector id")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Connector id is taken by an existing connector"));
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}"));
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}/edit");
        await Assertions.Expect(page.GetByLabel("Space id")).ToHaveValueAsync("spc_mitte");
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Support_IsNotOfferedTheForm_AndACraftedPostChangesNothing()
    {
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync("/console/connectors");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "New connector" }).CountAsync());
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the connector" }).CountAsync());

        // The test form Support may post carries a valid antiforgery token of this session: posted to the form instead, it is refused.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var crafted = "crafted-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (path, id) in new[] { ($"/console/connectors/{ConsoleSite.CoworksConnector}/edit", ""), ("/console/connectors/new?platform=coworks", crafted) })
        {
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", token!);
            form.Set("_handler", "connector-form");
            form.Set("id", id);
            form.Set("displayName", "Crafted");
            form.Set("location[0].id", "loc_x");
            form.Set("location[0].name", "X");
            form.Set("location[0].timeZone", "Europe/Berlin");
            form.Set("setting.apiBaseUrl", "https://crafted.example/");
            form.Set("setting.spaceId", "spc_crafted");
            var response = await page.Context.APIRequest.PostAsync(path, new() { Form = form, MaxRedirects = 0 });

            Assert.Equal(302, response.Status);
            Assert.EndsWith("/console/access-denied", new Uri(site.BaseUrl, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/connectors/{crafted}")).StatusCode);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task EditPostedWithoutItsAntiforgeryToken_IsRefusedWith400_AndChangesNothing()
    {
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CobotConnector}");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CobotConnector}/edit");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Without a token");

        await page.Locator("form.connector-form input[name=__RequestVerificationToken]").EvaluateAsync("input => input.remove()");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save the connector" }).ClickAsync(),
            r => r.Url.EndsWith("/edit", StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CobotConnector}"));
        watched.AssertNoErrors(expectedErrorPage: $"/console/connectors/{ConsoleSite.CobotConnector}/edit");
    }

    /// <summary>Types each value into the focused field and presses Tab to the next one, as a keyboard user fills a form.</summary>
    private static async Task TypeThenTabAsync(IPage page, params string[] values)
    {
        foreach (var value in values)
        {
            await page.Keyboard.TypeAsync(value);
            await page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>
    /// The connector's one sync run once the queue pump has run it. The pump runs in the background: this waits for it,
    /// a generous bound for a noisy machine rather than a timing assertion.
    /// </summary>
    private async Task<SyncRun> FinishedRunAsync(string connectorId)
    {
        var store = site.App.Services.GetRequiredService<SyncRunStore>();
        for (var deadline = DateTimeOffset.UtcNow.AddMinutes(2); ; await Task.Delay(200))
        {
            var run = (await store.ListAsync(connectorId, 10, CancellationToken.None)).Single();
            if (run.State is SyncRunState.Succeeded or SyncRunState.Failed || DateTimeOffset.UtcNow > deadline)
                return run;
        }
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
