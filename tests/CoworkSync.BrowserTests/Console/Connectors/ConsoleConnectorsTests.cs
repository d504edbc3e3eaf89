using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Members.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Connectors;

/// <summary>
/// The connectors list and a connector's page: state, settings, locations, secrets (never a value), plan mapping and
/// sync runs; the test report; sync now and the platform's connect button for Operators only, refused to Support
/// even when posted by hand; no form handled without its antiforgery token.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleConnectorsTests(ConsoleSite site)
{
    [Fact]
    public async Task Connectors_ListsEachWithItsPlatformStateAndLastSync_AndLeadsToItsPage()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync("/console/connectors");

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Connectors, by name" });
        var coworks = table.GetByRole(AriaRole.Row).Filter(new() { HasText = ConsoleSite.CoworksName });
        var cells = (await coworks.GetByRole(AriaRole.Cell).AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal("Coworks", cells[0]);
        Assert.Equal("secrets set", cells[1]);
        Assert.Equal("succeeded 2026-12-05 09:30 UTC, 10 members seen", cells[2]);
        Assert.Equal(1, await table.GetByRole(AriaRole.Row).Filter(new() { HasText = ConsoleSite.CobotName }).CountAsync());
        await watched.AssertAccessibleAsync();

        await coworks.GetByRole(AriaRole.Link, new() { Name = ConsoleSite.CoworksName }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/console/connectors/{ConsoleSite.CoworksConnector}$"));
        Assert.Equal(ConsoleSite.CoworksName, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Connector_ShowsItsSettingsLocationsSecretsAndSyncRuns_NeverASecretValue()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");

        var main = page.GetByRole(AriaRole.Main);
        var location = main.GetByRole(AriaRole.Table, new() { Name = "Locations" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "loc_mitte" });
        Assert.Equal(new[] { "Europe/Berlin", "mitte-ap-*" }, (await location.GetByRole(AriaRole.Cell).AllTextContentsAsync()).Select(c => c.Trim()));
        var secrets = main.GetByRole(AriaRole.Table, new() { Name = "Secrets" });
        Assert.Equal(2, await secrets.GetByRole(AriaRole.Cell, new() { Name = "set", Exact = true }).CountAsync());
        Assert.Contains("spc_mitte", await main.Locator(".connector-facts").TextContentAsync(), StringComparison.Ordinal);
        var runs = main.GetByRole(AriaRole.List, new() { Name = "Sync runs, newest first" }).Locator(":scope > li");
        var seeded = runs.Filter(new() { HasText = "2026-12-05 09:30 UTC" });
        Assert.Equal("Succeeded", (await seeded.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim());
        Assert.Contains("Seen10", (await seeded.Locator(".counts").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Created8", (await seeded.Locator(".counts").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var html = await page.ContentAsync();
        Assert.DoesNotContain("browser-test-api-key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("browser-test-webhook-secret", html, StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Connector_OnAPhone_IsAccessibleAndFitsTheScreen()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");

        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Test_RunWithTheKeyboard_ShowsEachCheckWithItsDetail()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CoworksConnector}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run the test" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The fixture's Coworks space answers nowhere: the API check fails and says why, the checks needing it are not run.
        // The platform client retries before the API check gives up: a generous bound, not a timing assertion.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Some checks failed" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var checks = page.GetByRole(AriaRole.List, new() { Name = "Checks, in the order they ran" }).Locator(":scope > li");
        Assert.StartsWith("api: failed", (await checks.First.Locator(".check-name").TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await checks.First.Locator(".check-detail").TextContentAsync()));
        Assert.Contains("not checked: the API check failed", await checks.Filter(new() { HasText = "plans:" }).TextContentAsync(), StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task SyncNow_AsOperator_QueuesARunThatTheConnectorShows_AndTheAuditLogRecords()
    {
        // A connector of its own: the shared ones keep the last sync the other pages' tests expect.
        var connectorId = await PutCoworksConnectorAsync("sync");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync queued");
        var runId = (await page.GetByRole(AriaRole.Status).Locator("code").TextContentAsync())!.Trim();
        Assert.Equal([runId], await RunIdsAsync(connectorId));
        Assert.Equal(1, await page.GetByRole(AriaRole.List, new() { Name = "Sync runs, newest first" }).Locator(":scope > li").Filter(new() { HasText = runId }).CountAsync());
        await page.GotoAsync($"/console/audit?area=connectors&connector={connectorId}");
        Assert.Contains($"Started a sync of connector {connectorId} (run {runId}).", await page.GetByRole(AriaRole.Main).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("(Operator), in the console", await page.GetByRole(AriaRole.Main).TextContentAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Support_IsNotOfferedSyncOrConnect_AndACraftedSyncPostIsRefused()
    {
        var before = await RunIdsAsync(ConsoleSite.CobotConnector);
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CobotConnector}");

        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Connect with Cobot" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Run the test" }).CountAsync());

        // The form Support may post carries a valid antiforgery token of this session: posted to sync instead, it is refused.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await page.Context.APIRequest.PostAsync($"/console/connectors/{ConsoleSite.CobotConnector}/sync", new()
        {
            Form = FormOf(page.Context.APIRequest, ("__RequestVerificationToken", token!), ("_handler", "connector-sync")),
            MaxRedirects = 0,
        });

        Assert.Equal(302, response.Status);
        Assert.EndsWith("/console/access-denied", new Uri(new Uri(site.BaseUrl, "/"), response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await RunIdsAsync(ConsoleSite.CobotConnector));
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task SyncPost_WithoutTheAntiforgeryToken_IsRefused()
    {
        var before = await RunIdsAsync(ConsoleSite.CoworksConnector);
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var response = await page.Context.APIRequest.PostAsync($"/console/connectors/{ConsoleSite.CoworksConnector}/sync", new()
        {
            Form = FormOf(page.Context.APIRequest, ("_handler", "connector-sync")),
            MaxRedirects = 0,
        });

        Assert.Equal(400, response.Status);
        Assert.Equal(before, await RunIdsAsync(ConsoleSite.CoworksConnector));
    }

    [Fact]
    public async Task Connect_AsOperator_SendsThePersonToThePlatformsAuthorizePage()
    {
        var connectorId = "connect-" + Guid.NewGuid().ToString("N")[..8];
        var origin = site.BaseUrl.GetLeftPart(UriPartial.Authority);
        using (var admin = Admin())
        {
            (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
            {
                platform = "cobot",
                displayName = "Kreuzberg Loft",
                locations = new[] { new { id = "loc_c", name = "C", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "c-ap-*" } } },
                cobot = new { subdomain = "connect-test", oauthBaseUrl = origin },
            })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}/secrets", new { clientId = "browser-client", clientSecret = "browser-client-secret" }))
                .EnsureSuccessStatusCode();
        }
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{connectorId}");

        // The connector's OAuth origin is this site, which has no authorize page: the request the browser is sent to is what counts.
        var authorize = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Connect with Cobot" }).ClickAsync(), new Regex("/oauth/authorize\\?"));

        var url = new Uri(authorize.Url);
        Assert.Equal(origin, url.GetLeftPart(UriPartial.Authority));
        Assert.Contains("client_id=browser-client&", url.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", url.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Fcoworksync.example%2F", url.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("browser-client-secret", authorize.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BeforeItsSecretsAreSet_SaysWhatIsMissing()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        await page.GotoAsync($"/console/connectors/{ConsoleSite.CobotConnector}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Connect with Cobot" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Set the OAuth app's clientId and clientSecret first");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors(expectedErrorPage: $"/console/connectors/{ConsoleSite.CobotConnector}/connect");
    }

    [Fact]
    public async Task Connector_Unknown_IsSaidInTheConsole()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var response = await page.GotoAsync("/console/connectors/no-such-connector");

        Assert.Equal(200, response!.Status);
        Assert.Contains("There is no connector 'no-such-connector'.", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).Filter(new() { HasNotText = "Sign out" }).CountAsync());
        watched.AssertNoErrors();
    }

    private async Task<string> PutCoworksConnectorAsync(string prefix)
    {
        var connectorId = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{connectorId}", new
        {
            platform = "coworks",
            displayName = "Friedrichshain Hub",
            locations = new[] { new { id = "loc_s", name = "S", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "s-ap-*" } } },
            coworks = new { apiBaseUrl = "http://127.0.0.1:9/", spaceId = "spc_sync" },
        })).EnsureSuccessStatusCode();
        return connectorId;
    }

    private async Task<IReadOnlyList<string>> RunIdsAsync(string connectorId) =>
        [.. (await site.App.Services.GetRequiredService<SyncRunStore>().ListAsync(connectorId, 200, CancellationToken.None)).Select(r => r.RunId)];

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return form;
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = site.BaseUrl };
        admin.DefaultRequestHeaders.Add("x-functions-key", ConsoleSite.AdminKey);
        return admin;
    }
}
