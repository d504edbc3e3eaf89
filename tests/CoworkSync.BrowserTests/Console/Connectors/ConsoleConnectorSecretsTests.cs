using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Connectors;

/// <summary>
/// The secrets form: one box per secret the platform describes, set or rotated with the keyboard, never shown back;
/// the platform's rules answered next to their field; Operators only, a Support session's crafted POST refused.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleConnectorSecretsTests(ConsoleSite site)
{
    [Fact]
    public async Task Secrets_SetWithTheKeyboard_AreShownAsSetWithTheirTime_NeverTheirValue_AndAudited()
    {
        const string value = "console-form-api-key-value";
        var connectorId = await PutConnectorAsync("secrets", "coworks", new { apiBaseUrl = "http://127.0.0.1:9/", spaceId = "spc_secrets" });
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set or rotate secrets" }).ClickAsync();
        Assert.Equal("Missing.", (await page.Locator("#secret-apiKey-state").TextContentAsync())!.Trim());
        await watched.AssertAccessibleAsync();

        await page.GetByLabel("API key").FillAsync(value);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Set: apiKey.");
        Assert.Matches(new Regex(@"^Set, last set \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$"), (await page.Locator("#secret-apiKey-state").TextContentAsync())!.Trim());
        Assert.Equal("Missing.", (await page.Locator("#secret-webhookSecret-state").TextContentAsync())!.Trim());
        Assert.Equal("", await page.GetByLabel("API key").InputValueAsync());
        Assert.DoesNotContain(value, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/console/connectors/{connectorId}");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Secrets" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "apiKey" });
        Assert.Equal("set", (await row.GetByRole(AriaRole.Cell).First.TextContentAsync())!.Trim());
        await page.GotoAsync($"/console/audit?area=connectors&connector={connectorId}");
        Assert.Contains($"Set apiKey of connector {connectorId}.", await page.GetByRole(AriaRole.Main).TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, await page.ContentAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Secrets_ThatMustGoTogether_AreRefusedNextToTheirField_AndNothingIsSet()
    {
        var connectorId = await PutConnectorAsync("oauth", "cobot", new { subdomain = "oauth-test" });
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}/secrets");

        await page.GetByLabel("OAuth client id").FillAsync("only-the-client-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set these secrets" }).ClickAsync();

        // The platform's rule names the secret that is missing from the pair.
        var clientSecret = page.GetByLabel("OAuth client secret");
        await Assertions.Expect(clientSecret).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(clientSecret).ToHaveAccessibleDescriptionAsync(new Regex("OAuth client secret must be set together with the other\\."));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nothing was changed: 1 secret needs correcting.");
        Assert.Equal("", await page.GetByLabel("OAuth client id").InputValueAsync());
        Assert.Equal("Missing.", (await page.Locator("#secret-clientId-state").TextContentAsync())!.Trim());
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Secrets_AsSupport_AreNotOffered_AndACraftedPostIsRefused()
    {
        var connectorId = await PutConnectorAsync("support", "coworks", new { apiBaseUrl = "http://127.0.0.1:9/", spaceId = "spc_support" });
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync($"/console/connectors/{connectorId}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Set or rotate secrets" }).CountAsync());
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");

        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("_handler", "connector-secrets");
        form.Set("secret.apiKey", "crafted-by-support");
        var response = await page.Context.APIRequest.PostAsync($"/console/connectors/{connectorId}/secrets", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.EndsWith("/console/access-denied", new Uri(site.BaseUrl, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        using var admin = Admin();
        var view = await admin.GetFromJsonAsync<ConnectorSecretsView>($"/api/admin/connectors/{connectorId}");
        Assert.Equal("missing", view!.Secrets["apiKey"]);
        watched.AssertNoErrors();
    }

    private sealed record ConnectorSecretsView(Dictionary<string, string> Secrets);

    private async Task<string> PutConnectorAsync(string prefix, string platform, object section)
    {
        var connectorId = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Admin();
        var body = new Dictionary<string, object>
        {
            ["platform"] = platform,
            ["displayName"] = "Neukölln Studios",
            ["locations"] = new[] { new { id = "loc_n", name = "Neukölln", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "nk-ap-*" } } },
            [platform] = section,
        };
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", body)).EnsureSuccessStatusCode();
        return connectorId;
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
