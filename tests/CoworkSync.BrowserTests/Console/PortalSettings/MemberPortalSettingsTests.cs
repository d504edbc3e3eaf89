using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Connectors;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Console.PortalSettings;

/// <summary>The console's "Member portal" page: an Operator registers a platform's sign-in app; Support is not offered it and is refused.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class MemberPortalSettingsTests(ConsoleSite site)
{
    [Fact]
    public async Task Operator_SetsTheCobotSignInApp_TheSecretIsNeverShownBack()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Member portal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Member portal");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the Cobot app" }).ClickAsync();
        await Expect(page.GetByLabel("Client secret")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Client id").FillAsync("console-client-id");
        await page.GetByLabel("Client secret").FillAsync("console-client-secret-value");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the Cobot app" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the Cobot sign-in app");
        Assert.DoesNotContain("console-client-secret-value", await page.ContentAsync(), StringComparison.Ordinal);
        using var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        var apps = await admin.GetFromJsonAsync<JsonElement>("/api/admin/portal/sign-in");
        var cobot = apps.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("platform").GetString() == "cobot");
        Assert.Equal("set", cobot.GetProperty("settings").GetProperty("clientSecret").GetString());
        Assert.DoesNotContain("console-client-secret-value", apps.GetRawText(), StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        // The audit page shows who set the app, its client id after, and the secret only as set, never its value.
        await page.GotoAsync("/console/audit?area=portal");
        var newest = page.GetByRole(AriaRole.List, new() { Name = "Changes, newest first" }).Locator(":scope > li").First;
        await Expect(newest.GetByRole(AriaRole.Heading)).ToContainTextAsync("Set the member portal's sign-in app for Cobot");
        Assert.Contains("(Operator), in the console", await newest.TextContentAsync(), StringComparison.Ordinal);
        var clientId = newest.GetByRole(AriaRole.Table, new() { Name = "Values changed" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "clientId" }) });
        Assert.Equal("console-client-id", (await clientId.GetByRole(AriaRole.Cell).Last.TextContentAsync())!.Trim());
        await Expect(newest).ToContainTextAsync("clientSecret");
        Assert.DoesNotContain("console-client-secret-value", await page.ContentAsync(), StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Support_IsNotOfferedThePage_AndIsRefusedIt()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Member portal" })).ToHaveCountAsync(0);
        await page.GotoAsync("/console/portal");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot do this");
        await Expect(page.GetByLabel("Client secret")).ToHaveCountAsync(0);

        // A form crafted with a valid token is refused before it runs: nothing is stored.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("_handler", "sign-in-app");
        form.Set("Input.Platform", "cobot");
        form.Set("Input.Values[cobot.clientId]", "support-client-id");
        form.Set("Input.Values[cobot.clientSecret]", "support-client-secret");
        var posted = await page.APIRequest.PostAsync("/console/portal", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(302, posted.Status);
        Assert.Contains("/console/access-denied", posted.Headers["location"], StringComparison.Ordinal);
        var secrets = site.App.Services.GetRequiredService<ConnectorSecrets>();
        Assert.NotEqual("support-client-id", await secrets.GetAsync(CobotSecretNames.SignInClientId, CancellationToken.None));
        watched.AssertNoErrors();
    }
}
