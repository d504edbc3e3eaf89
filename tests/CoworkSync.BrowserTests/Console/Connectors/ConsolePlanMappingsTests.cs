using System.Net.Http.Json;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Simulators.Coworks;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Connectors;

/// <summary>
/// The plan mapping form against the plans a (simulated) Coworks space reports: an unmapped plan stands out, and is
/// mapped with the keyboard to an access group in force; the form's own slip (groups chosen, none ticked) and the
/// Operator-only rule are answered.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsolePlanMappingsTests(ConsoleSite site)
{
    [Fact]
    public async Task PlanMapping_HighlightsThePlanNobodyMapped_AndMapsItToAnAccessGroup()
    {
        await using var coworks = await CoworksSimulator.StartAsync();
        var connectorId = await PutConnectorWithPlansAsync(coworks);
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the plan mapping" }).ClickAsync();

        var dayPass = page.GetByRole(AriaRole.Group, new() { Name = "Day pass" });
        await Assertions.Expect(dayPass).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("plan-unmapped"));
        Assert.Contains("not mapped", await dayPass.Locator("legend").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await dayPass.GetByLabel("Not mapped").IsCheckedAsync());
        var flex = page.GetByRole(AriaRole.Group, new() { Name = "Flex" });
        Assert.True(await flex.GetByLabel("These access groups:").IsCheckedAsync());
        Assert.True(await flex.Locator("input[type=checkbox][value=flex]").IsCheckedAsync());
        await Assertions.Expect(page.Locator(".unmapped-count")).ToHaveTextAsync("1 plan is not mapped: its members get no WiFi and the test's plans check fails.");
        await watched.AssertAccessibleAsync();

        await dayPass.GetByLabel("These access groups:").CheckAsync();
        await dayPass.Locator("input[type=checkbox][value=flex]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan mapping" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The plan mapping is saved.");
        Assert.Equal(0, await page.Locator(".plan-unmapped").CountAsync());
        using var admin = Admin();
        var mappings = await admin.GetFromJsonAsync<List<Mapping>>($"/api/admin/connectors/{connectorId}/plan-mappings");
        Assert.Equal([new("pln_day", "Day pass", ["flex"]), new("pln_flex", "Flex", ["flex"])], mappings!.OrderBy(m => m.PlanId, StringComparer.Ordinal).ToList(), new MappingComparer());
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task PlanMapping_GroupsChosenButNoneTicked_IsRefusedAtThatPlan_AndNothingIsSaved()
    {
        await using var coworks = await CoworksSimulator.StartAsync();
        var connectorId = await PutConnectorWithPlansAsync(coworks);
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}/plans");

        var dayPass = page.GetByRole(AriaRole.Group, new() { Name = "Day pass" });
        await dayPass.GetByLabel("These access groups:").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan mapping" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Day pass" })).ToHaveAccessibleDescriptionAsync("Day pass: tick at least one access group, or choose No WiFi.");
        using var admin = Admin();
        Assert.Single((await admin.GetFromJsonAsync<List<Mapping>>($"/api/admin/connectors/{connectorId}/plan-mappings"))!);
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task PlanMapping_AsSupport_IsNotOffered_AndACraftedPostIsRefused()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the plan mapping" }).CountAsync());
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        using var admin = Admin();
        var before = await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}/plan-mappings");

        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("_handler", "connector-plans");
        form.Set("plan[0].name", "Crafted");
        form.Set("plan[0].choice", "nowifi");
        var response = await page.Context.APIRequest.PostAsync($"/console/connectors/{ConsoleSite.CoworksConnector}/plans", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.EndsWith("/console/access-denied", new Uri(site.BaseUrl, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync($"/api/admin/connectors/{ConsoleSite.CoworksConnector}/plan-mappings"));
        watched.AssertNoErrors();
    }

    private sealed record Mapping(string? PlanId, string PlanName, List<string> Groups);

    private sealed class MappingComparer : IEqualityComparer<Mapping>
    {
        public bool Equals(Mapping? x, Mapping? y) => x!.PlanId == y!.PlanId && x.PlanName == y.PlanName && x.Groups.SequenceEqual(y.Groups);

        public int GetHashCode(Mapping obj) => HashCode.Combine(obj.PlanId, obj.PlanName);
    }

    /// <summary>A Coworks connector on the simulated space, which reports two plans; only Flex is mapped.</summary>
    private async Task<string> PutConnectorWithPlansAsync(CoworksSimulator coworks)
    {
        var connectorId = "plans-" + Guid.NewGuid().ToString("N")[..8];
        var spaceId = "spc_" + connectorId.Replace("-", "_", StringComparison.Ordinal);
        coworks.AddSpace(spaceId, "plans-api-key").AddPlan("pln_flex", "Flex").AddPlan("pln_day", "Day pass");
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
        {
            platform = "coworks",
            displayName = "Prenzlauer Berg",
            locations = new[] { new { id = "loc_p", name = "Prenzlauer Berg", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "pb-ap-*" } } },
            coworks = new { apiBaseUrl = coworks.BaseUrl.ToString(), spaceId },
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}/secrets", new { apiKey = "plans-api-key", webhookSecret = "plans-webhook-secret" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}/plan-mappings", new[] { new { planId = "pln_flex", planName = "Flex", groups = new[] { "flex" } } }))
            .EnsureSuccessStatusCode();
        return connectorId;
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
