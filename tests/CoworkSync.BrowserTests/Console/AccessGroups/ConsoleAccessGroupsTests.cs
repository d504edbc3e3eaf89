using System.Net.Http.Json;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.AccessGroups;

/// <summary>
/// The access groups page: each group in force (defaults and stored ones) with its schedule, hours per cycle, device
/// limit, VLAN and bandwidth, for Support as for Operators; no form on it (Operators edit through ConsoleAccessGroupFormTests' form).
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleAccessGroupsTests(ConsoleSite site)
{
    [Fact]
    public async Task AccessGroups_ShowEachGroupsScheduleHoursDevicesVlanAndBandwidth()
    {
        var groupId = "day-desk-" + Guid.NewGuid().ToString("N")[..6];
        using (var admin = Admin())
        {
            (await admin.PutAsJsonAsync($"/api/admin/access-groups/{groupId}", new
            {
                displayName = "Day desk",
                hoursPerCycle = 40,
                timeWindows = new { monday = new[] { new { start = "08:00", end = "18:00" } }, saturday = new[] { new { start = "10:00", end = "14:00" } } },
                maxConcurrentSessions = 2,
                vlanId = 120,
                bandwidthDownKbps = 50000,
                bandwidthUpKbps = 10000,
                priority = 5,
            })).EnsureSuccessStatusCode();
        }
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync("/console/access-groups");

        var group = page.GetByRole(AriaRole.Region, new() { Name = $"Day desk {groupId}" });
        Assert.Equal("40 hours per billing cycle", await FactAsync(group, "Hours"));
        Assert.Equal("2 at once", await FactAsync(group, "Devices"));
        Assert.Equal("120", await FactAsync(group, "VLAN"));
        Assert.Equal("50 Mbit/s down, 10 Mbit/s up", await FactAsync(group, "Bandwidth"));
        Assert.Equal("Stored", await FactAsync(group, "Source"));
        var days = (await group.GetByRole(AriaRole.List, new() { Name = "Schedule of Day desk, in the location's time" }).GetByRole(AriaRole.Listitem).AllTextContentsAsync())
            .Select(d => string.Join(' ', d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Monday 08:00–18:00", "Tuesday no access", "Wednesday no access", "Thursday no access", "Friday no access", "Saturday 10:00–14:00", "Sunday no access"], days);

        // A default group nobody replaced: around the clock, limits it does not set said as such.
        var fullTime = page.GetByRole(AriaRole.Region, new() { Name = "Full-time fulltime" });
        Assert.Equal("Around the clock", await FactAsync(fullTime, "Schedule"));
        Assert.Equal("Default (not replaced)", await FactAsync(fullTime, "Source"));
        Assert.Equal("None (the access point decides)", await FactAsync(fullTime, "VLAN"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Main).Locator("form").CountAsync());
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task AccessGroups_AsSupport_AreShownTooFromTheNav()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Access groups" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access groups");
        Assert.Equal("Around the clock", await FactAsync(page.GetByRole(AriaRole.Region, new() { Name = "Full-time fulltime" }), "Schedule"));
        Assert.Equal(0, await page.GetByText("not built yet").CountAsync());
        watched.AssertNoErrors();
    }

    /// <summary>The text of the fact named <paramref name="term"/> in a group's list of facts.</summary>
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
