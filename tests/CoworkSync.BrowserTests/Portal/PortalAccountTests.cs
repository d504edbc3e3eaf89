using System.Diagnostics;
using System.Text.Json;
using CoworkSync.Administration.Audit;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Portal;

/// <summary>
/// A signed-in member's account page: the WiFi account, how to connect, the Apple profile, the password (shown only
/// when asked, changed at once at a real FreeRADIUS), usage; and nothing of anyone else's, whatever ids are edited.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class PortalAccountTests(PortalSite site)
{
    private const string AlexAccount = "/portal/accounts/co-up/ms-alex-up";
    private const string BoAccount = "/portal/accounts/co-up/ms-bo-up";

    [Fact]
    public async Task AccountPage_ShowsTheWifiAccountUsageAndHowToConnect_OnAPhone_WithoutThePassword()
    {
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Alex);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open your account at Co-Up Hamburg" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Co-Up Hamburg");
        await Expect(page.Locator("#account-state")).ToHaveTextAsync("Your WiFi access is on.");
        await Expect(page.Locator("#wifi-username")).ToHaveTextAsync(PortalSite.Alex.Email);
        await Expect(page.GetByText("Hamburg Members").First).ToBeVisibleAsync();
        await Expect(page.Locator("#devices-online")).ToHaveTextAsync("1");
        var sessions = page.GetByRole(AriaRole.Table);
        await Expect(sessions.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(sessions.Locator("tbody tr").First).ToContainTextAsync("online now");
        await Expect(sessions.Locator("tbody tr").First).ToContainTextAsync("co-up-ap-1");
        foreach (var system in new[] { "iPhone, iPad and Mac", "Windows", "Android", "Linux" })
            await Expect(page.GetByText(system, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Last check-in at Cobot").Or(page.GetByText("Check-ins at Cobot"))).ToBeVisibleAsync();
        // The password is not in the page until the member asks for it.
        Assert.DoesNotContain(await WelcomePasswordAsync(PortalSite.Alex.Email, PortalSite.Alex.Email), await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#wifi-password")).ToHaveCountAsync(0);
        await watched.AssertAccessibleAsync();
        await watched.AssertNoHorizontalOverflowAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task ShowMyPassword_ShowsTheAccountsPassword_OnlyAfterTheClick()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Alex);
        await page.GotoAsync(AlexAccount);
        await Expect(page.Locator("#wifi-password")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my password" }).ClickAsync();

        await Expect(page.Locator("#wifi-password")).ToHaveTextAsync(await WelcomePasswordAsync(PortalSite.Alex.Email, PortalSite.Alex.Email));
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task ChangePassword_FreeRadiusRejectsTheOldOneAndAcceptsTheNewOne_AndTheMemberIsTold()
    {
        var radius = await site.RadiusAsync();
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Bo);
        await page.GotoAsync(BoAccount);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my password" }).ClickAsync();
        var old = await page.Locator("#wifi-password").TextContentAsync();
        Assert.Equal(RadiusCode.AccessAccept, (await radius.AuthenticateAsync(Pap(PortalSite.Bo.Email, old!))).Code);

        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(page.Locator("#change-confirm-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("I understand that my devices will need the new password")).ToHaveAttributeAsync("aria-describedby", "change-confirm-error");
        await page.GetByLabel("I understand that my devices will need the new password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();

        await Expect(page.GetByText("Your new password:")).ToBeVisibleAsync();
        var changed = await page.Locator("#wifi-password").TextContentAsync();
        Assert.NotEqual(old, changed);
        Assert.Equal(14, changed!.Length);
        Assert.Equal(RadiusCode.AccessReject, (await radius.AuthenticateAsync(Pap(PortalSite.Bo.Email, old!))).Code);
        Assert.Equal(RadiusCode.AccessAccept, (await radius.AuthenticateAsync(Pap(PortalSite.Bo.Email, changed))).Code);
        var notice = await MailWithSubjectAsync(PortalSite.Bo.Email, "Your WiFi password was changed");
        Assert.DoesNotContain(changed, notice.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(new Uri(site.BaseUrl, "portal").AbsoluteUri, notice.TextBody ?? "", StringComparison.Ordinal);
        var audit = await site.App.Services.GetRequiredService<AuditLog>()
            .ListAsync(new AuditQuery(50, Area: AuditAreas.Members, ConnectorId: "co-up"), CancellationToken.None);
        var entry = Assert.Single(audit.Items, e => e.Action == AuditActions.PortalPasswordChanged && e.Target == "ms-bo-up");
        Assert.Equal(AuditActor.MemberPortal, entry.Actor.Via);
        Assert.DoesNotContain(changed, JsonSerializer.Serialize(entry), StringComparison.Ordinal);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task AppleProfile_DownloadsAndParsesAsAPropertyList_WithTheNetworkPeapAndUsername()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Alex);
        await page.GotoAsync(AlexAccount);
        await page.GetByText("iPhone, iPad and Mac", new() { Exact = true }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "the WiFi profile for Hamburg Members" }).ClickAsync());

        Assert.Equal("Hamburg-Members.mobileconfig", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var plist = await PlistAsJsonAsync(path);
        var wifi = plist.RootElement.GetProperty("PayloadContent")[0];
        Assert.Equal("Configuration", plist.RootElement.GetProperty("PayloadType").GetString());
        Assert.Equal("com.apple.wifi.managed", wifi.GetProperty("PayloadType").GetString());
        Assert.Equal("Hamburg Members", wifi.GetProperty("SSID_STR").GetString());
        Assert.Equal("WPA2", wifi.GetProperty("EncryptionType").GetString());
        var eap = wifi.GetProperty("EAPClientConfiguration");
        Assert.Equal([25], eap.GetProperty("AcceptEAPTypes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(PortalSite.Alex.Email, eap.GetProperty("UserName").GetString());
        Assert.Equal(["radius.co-up.test"], eap.GetProperty("TLSTrustedServerNames").EnumerateArray().Select(e => e.GetString()));
        Assert.False(eap.TryGetProperty("UserPassword", out _));
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task EditingIds_InTheAddressOrAForm_ReachesNoOtherMembersAccount()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await PortalSignIn.WithCobotAsync(site, watched, PortalSite.Alex);
        await page.GotoAsync(AlexAccount);
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var passwordsBefore = await ProtectedPasswordsAsync();

        foreach (var other in new[] { BoAccount, "/portal/accounts/berlin-mitte/mem_ada", "/portal/accounts/co-down/ms-bo-up", "/portal/accounts/co-up/ms-alex-down" })
        {
            var response = await page.APIRequest.GetAsync(other);
            Assert.Equal(404, response.Status);
            var body = await response.TextAsync();
            Assert.Contains("<h1>Page not found</h1>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("wifi-username", body, StringComparison.Ordinal);
            var profile = await page.APIRequest.GetAsync(other + "/wifi.mobileconfig");
            Assert.Equal(404, profile.Status);
            foreach (var (form, field) in new[] { ("reveal", "Reveal.Reveal"), ("change", "Change.Confirm") })
            {
                var posted = await page.APIRequest.PostAsync(other, new() { Form = FormOf(page, token!, form, field) });
                Assert.Equal(404, posted.Status);
                Assert.DoesNotContain("wifi-password", await posted.TextAsync(), StringComparison.Ordinal);
            }
        }
        // The crafted posts changed nobody's password (the same post to Alex's own address does: the form is right).
        Assert.Equal(passwordsBefore, await ProtectedPasswordsAsync());
        var own = await page.APIRequest.PostAsync(AlexAccount, new() { Form = FormOf(page, token!, "reveal", "Reveal.Reveal") });
        Assert.Equal(200, own.Status);
        Assert.Contains("wifi-password", await own.TextAsync(), StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    private async Task<IReadOnlyList<string>> ProtectedPasswordsAsync()
    {
        var accounts = site.App.Services.GetRequiredService<AccountStore>();
        var all = new List<string>();
        foreach (var username in new[] { PortalSite.Bo.Email, "ada@example.com", "alex+ms-alex-down@example.com" })
            all.Add((await accounts.GetAsync(username, CancellationToken.None))?.ProtectedPassword ?? $"no account {username}");
        return all;
    }

    private static IFormData FormOf(IPage page, string token, string form, string field)
    {
        var data = page.APIRequest.CreateFormData();
        data.Set("__RequestVerificationToken", token);
        data.Set("_handler", form);
        data.Set(field, "true");
        return data;
    }

    private async Task<MimeKit.MimeMessage> MailWithSubjectAsync(string address, string subject)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var found = (await site.Mail.ReadMessagesAsync()).FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == address));
            if (found is not null)
                return found;
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"No \"{subject}\" email to {address} reached the sink.");
            await Task.Delay(100);
        }
    }

    private static RadiusAccessRequest Pap(string user, string password) => new(user, password) { NasIdentifier = "co-up-ap-1" };

    private async Task<string> WelcomePasswordAsync(string address, string username)
    {
        foreach (var message in await site.Mail.ReadMessagesAsync())
        {
            var text = (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
            if (message.To.Mailboxes.Any(m => m.Address == address) && text.Contains($"Username: {username}\n", StringComparison.Ordinal))
                return text.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();
        }
        throw new InvalidOperationException($"No welcome email for {username} in the sink.");
    }

    /// <summary>Python's plistlib, an independent reader of Apple's format, turns the profile into JSON.</summary>
    private static async Task<JsonDocument> PlistAsJsonAsync(string path)
    {
        var start = new ProcessStartInfo(SmtpSink.Python, ["-c", "import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], 'rb'))))", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, "plistlib could not read the profile: " + error);
        return JsonDocument.Parse(output);
    }
}
