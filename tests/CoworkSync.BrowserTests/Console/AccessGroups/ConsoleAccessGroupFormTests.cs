using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.AccessGroups;

/// <summary>
/// The access group form: an Operator creates a group and edits its schedule and hours with the keyboard, sees them on
/// the access groups page and the change on the audit page; the service's rules answered at their fields; Support is
/// offered no form and a crafted post is refused.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleAccessGroupFormTests(ConsoleSite site)
{
    [Fact]
    public async Task Operator_CreatesAGroup_ThenEditsItsWindowAndHoursWithTheKeyboard_SeenOnThePageAndInTheAudit()
    {
        var groupId = "flexi-" + Guid.NewGuid().ToString("N")[..6];
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync("/console/access-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "New access group" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New access group");
        await watched.AssertAccessibleAsync();

        await page.GetByLabel("Group id").FillAsync(groupId);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Flexi");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            await page.GetByLabel(day, new() { Exact = true }).FillAsync("08:00-20:00");
        await page.GetByLabel("Hours per billing cycle").FillAsync("40");
        await page.GetByLabel("Devices at once").FillAsync("3");
        await page.GetByLabel("Bandwidth down (kbit/s)").FillAsync("10000");
        await page.GetByLabel("More reply attributes (optional)").FillAsync("Idle-Timeout = 600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the access group" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The access group {groupId} is saved.");

        // The edit, with the keyboard alone: the saved group's heading has focus once the page has loaded, Tab reaches its
        // Edit link, and on to the save button. (Focusing the link before the load would lose to the browser's own focus.)
        var group = page.GetByRole(AriaRole.Region, new() { Name = $"Flexi {groupId}" });
        await Assertions.Expect(group.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(group.GetByRole(AriaRole.Link, new() { Name = "Edit Flexi" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Monday", new() { Exact = true })).ToHaveValueAsync("08:00-20:00");
        await Assertions.Expect(page.GetByLabel("More reply attributes (optional)")).ToHaveValueAsync("Idle-Timeout = 600");
        await page.GetByLabel("Monday", new() { Exact = true }).FocusAsync();
        await ReplaceThenTabAsync(page, "07:00-12:00, 13:00-22:00");
        await page.GetByLabel("Hours per billing cycle").FocusAsync();
        await ReplaceThenTabAsync(page, "25");
        for (var field = 0; field < 9; field++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the access group" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The access group {groupId} is saved.");
        Assert.Equal("25 hours per billing cycle", await FactAsync(group, "Hours"));
        await Assertions.Expect(group.GetByRole(AriaRole.Listitem).First).ToHaveTextAsync(new Regex("Monday\\s+07:00–12:00, 13:00–22:00"));
        using (var admin = Admin())
        {
            var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/access-groups/{groupId}");
            Assert.Equal((25.0, 3, 10000, "600"), (saved.GetProperty("hoursPerCycle").GetDouble(), saved.GetProperty("maxConcurrentSessions").GetInt32(),
                saved.GetProperty("bandwidthDownKbps").GetInt32(), saved.GetProperty("extraReplyAttributes").GetProperty("Idle-Timeout").GetString()));
        }

        await page.GotoAsync("/console/audit?area=access-groups");
        var newest = page.GetByRole(AriaRole.List, new() { Name = "Changes, newest first" }).Locator(":scope > li").First;
        Assert.Equal($"Changed access group {groupId} (5 values changed).", (await newest.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim());
        Assert.Contains("(Operator), in the console", await newest.TextContentAsync(), StringComparison.Ordinal);
        var hours = newest.GetByRole(AriaRole.Table, new() { Name = "Values changed" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "hoursPerCycle" }) });
        Assert.Equal(["40", "25"], (await hours.GetByRole(AriaRole.Cell).AllTextContentsAsync()).Select(c => c.Trim()));
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task RefusedValues_AreAnsweredAtTheirFields_AndNothingIsSaved_OnAPhoneToo()
    {
        var groupId = await PutGroupAsync();
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/access-groups/{groupId}");
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/access-groups/{groupId}/edit");
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();

        await page.GetByLabel("Monday", new() { Exact = true }).FillAsync("20:00-08:00");
        await page.GetByLabel("Tuesday", new() { Exact = true }).FillAsync("9 to 5");
        await page.GetByLabel("Hours per billing cycle").FillAsync("0");
        await page.GetByLabel("More reply attributes (optional)").FillAsync("Session-Timeout = 60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the access group" }).ClickAsync();

        // The text's shape first (Tuesday), then the service's rules once it reads.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved: 1 thing needs correcting.");
        var tuesday = page.GetByLabel("Tuesday", new() { Exact = true });
        await Assertions.Expect(tuesday).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(tuesday).ToHaveAccessibleDescriptionAsync(new Regex("Tuesday has '9 to 5', which is not a window"));
        await tuesday.FillAsync("09:00-17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the access group" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved: 3 things need correcting.");
        await Assertions.Expect(page.GetByLabel("Monday", new() { Exact = true }))
            .ToHaveAccessibleDescriptionAsync(new Regex("Monday window 1 end must be after start 20:00"));
        await Assertions.Expect(page.GetByLabel("Hours per billing cycle")).ToHaveAccessibleDescriptionAsync(new Regex("Hours per billing cycle must be more than 0"));
        await Assertions.Expect(page.GetByLabel("More reply attributes (optional)"))
            .ToHaveAccessibleDescriptionAsync(new Regex("Session-Timeout is set by CoworkSync itself"));
        await Assertions.Expect(page.GetByLabel("Tuesday", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/access-groups/{groupId}"));
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();

        // A new group cannot take the id of one in force, a default included.
        await page.GotoAsync("/console/access-groups/new");
        await page.GetByLabel("Group id").FillAsync("flex");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Not the Flex");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the access group" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Group id")).ToHaveAccessibleDescriptionAsync(new Regex("Group id is taken by an existing access group"));
        Assert.Equal("Flex", (await admin.GetFromJsonAsync<JsonElement>("/api/admin/access-groups/flex")).GetProperty("displayName").GetString());
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Support_IsOfferedNoForm_AndACraftedPostIsRefused()
    {
        var groupId = await PutGroupAsync();
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/access-groups/{groupId}");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync("/console/access-groups");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "New access group" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Edit ") }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Main).Locator("form").CountAsync());
        await watched.AssertAccessibleAsync();

        // The test form Support may post carries a valid antiforgery token of this session: posted to the group form instead, it is refused.
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var crafted = "crafted-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (path, id) in new[] { ($"/console/access-groups/{groupId}/edit", ""), ("/console/access-groups/new", crafted) })
        {
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", token!);
            form.Set("_handler", "access-group-form");
            form.Set("groupId", id);
            form.Set("displayName", "Crafted");
            form.Set("schedule", "always");
            var response = await page.Context.APIRequest.PostAsync(path, new() { Form = form, MaxRedirects = 0 });

            Assert.Equal(302, response.Status);
            Assert.EndsWith("/console/access-denied", new Uri(site.BaseUrl, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/access-groups/{groupId}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/access-groups/{crafted}")).StatusCode);
        watched.AssertNoErrors();
    }

    /// <summary>Selects what the focused field holds, types <paramref name="value"/> over it and presses Tab, as a keyboard user does.</summary>
    private static async Task ReplaceThenTabAsync(IPage page, string value)
    {
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(value);
        await page.Keyboard.PressAsync("Tab");
    }

    /// <summary>A fresh group of this test's own, stored through the admin API.</summary>
    private async Task<string> PutGroupAsync()
    {
        var groupId = "form-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/access-groups/{groupId}", new
        {
            displayName = "Evenings",
            hoursPerCycle = 20,
            timeWindows = new { monday = new[] { new { start = "18:00", end = "24:00" } } },
        })).EnsureSuccessStatusCode();
        return groupId;
    }

    private static async Task<string> FactAsync(ILocator group, string term)
    {
        var text = await group.Locator($"dt:text-is('{term}') + dd").TextContentAsync();
        return string.Join(' ', text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
