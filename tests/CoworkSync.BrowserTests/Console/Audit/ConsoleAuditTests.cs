using System.Net.Http.Json;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Audit;

/// <summary>The audit page: changes made through the admin API, newest first, with who made them and each value before and after; paged; never a secret.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleAuditTests(ConsoleSite site)
{
    [Fact]
    public async Task Audit_ShowsAChangeWithWhoMadeItAndItsValuesBeforeAndAfter_FilteredWithTheKeyboard()
    {
        var groupId = "audit-" + Guid.NewGuid().ToString("N")[..8];
        await PutAccessGroupAsync(groupId, hoursPerCycle: 10, by: "Grace Hopper");
        await PutAccessGroupAsync(groupId, hoursPerCycle: 20, by: "Ada Lovelace");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync("/console/audit");

        await page.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "Access groups" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/console/audit\?area=access-groups&connector=$"));
        var entries = page.GetByRole(AriaRole.List, new() { Name = "Changes, newest first" }).Locator(":scope > li");
        var newest = entries.First;
        Assert.Equal($"Changed access group {groupId} (1 value changed).", (await newest.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim());
        Assert.Contains("Ada Lovelace, through the admin API", await newest.TextContentAsync(), StringComparison.Ordinal);
        var change = newest.GetByRole(AriaRole.Table, new() { Name = "Values changed" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "hoursPerCycle" }) });
        Assert.Equal(new[] { "10", "20" }, (await change.GetByRole(AriaRole.Cell).AllTextContentsAsync()).Select(c => c.Trim()));
        var created = entries.Nth(1);
        Assert.Equal($"Created access group {groupId}.", (await created.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim());
        Assert.Contains("Grace Hopper, through the admin API", await created.TextContentAsync(), StringComparison.Ordinal);

        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Audit_PagesBackFromTheNewest()
    {
        var groupId = "audit-" + Guid.NewGuid().ToString("N")[..8];
        await PutAccessGroupAsync(groupId, hoursPerCycle: 10, by: "Grace Hopper");
        await PutAccessGroupAsync(groupId, hoursPerCycle: 30, by: "Ada Lovelace");
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync("/console/audit?area=access-groups&pageSize=1");

        Assert.Equal($"Changed access group {groupId} (1 value changed).", (await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 }).TextContentAsync())!.Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "Older entries" }).ClickAsync();
        // Polled: the page before the click has a heading in the same place.
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Created access group {groupId}.");
        Assert.Contains("pageSize=1", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newest entries" })).ToHaveAttributeAsync("href", "/console/audit?area=access-groups&pageSize=1");
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Audit_NamesTheSecretsSet_NeverTheirValues()
    {
        const string value = "audit-page-secret-value";
        using (var admin = Admin())
        {
            (await admin.PutAsJsonAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}/secrets", new { apiKey = value })).EnsureSuccessStatusCode();
        }
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync($"/console/audit?area=connectors&connector={ConsoleSite.CoworksConnector}");

        var newest = page.GetByRole(AriaRole.List, new() { Name = "Changes, newest first" }).Locator(":scope > li").First;
        Assert.Equal($"Set apiKey of connector {ConsoleSite.CoworksConnector}.", (await newest.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim());
        Assert.Contains("apiKey (values are never recorded)", await newest.TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, await page.ContentAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Audit_AnUnreadablePageSize_IsExplainedNotAnError()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var response = await page.GotoAsync("/console/audit?pageSize=lots");

        Assert.Equal(200, response!.Status);
        Assert.Contains("pageSize must be between 1 and 200", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    private async Task PutAccessGroupAsync(string groupId, int hoursPerCycle, string by)
    {
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/access-groups/{groupId}?by={Uri.EscapeDataString(by)}", new { displayName = "Audit trial", hoursPerCycle }))
            .EnsureSuccessStatusCode();
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
