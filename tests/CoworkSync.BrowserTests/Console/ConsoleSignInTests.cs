using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Console;

/// <summary>Signing in to the console with the local admin key, as Operator and as Support, and out again.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleSignInTests(ConsoleSite site)
{
    [Theory]
    [InlineData("Operator")]
    [InlineData("Support")]
    public async Task SignIn_WithTheAdminKey_OpensTheOverviewAsTheChosenRole(string role)
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);

        await page.GotoAsync("/console");
        Assert.EndsWith("/console/sign-in?returnUrl=%2Fconsole", page.Url, StringComparison.Ordinal);
        await signIn.SignInAsync(ConsoleSite.AdminKey, role);

        Assert.EndsWith("/console", page.Url, StringComparison.Ordinal);
        Assert.Equal(role, await signIn.SignedInRole.TextContentAsync());
        Assert.Equal("Overview", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        // Support is not offered the Operator-only "Member portal".
        Assert.Equal(role == "Operator" ? 7 : 6, await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link).CountAsync());
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task SignIn_WithAWrongKey_IsRefusedWithAClearMessage()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);
        await signIn.OpenAsync();

        await signIn.SignInAsync("this-is-not-the-key");

        Assert.Contains("/console/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Contains("That is not this deployment's admin key.", await signIn.Error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await signIn.Key.GetAttributeAsync("aria-invalid"));
        Assert.Equal("", await signIn.Key.InputValueAsync());
        Assert.DoesNotContain(await watched.Context.CookiesAsync(), c => c.Name == "coworksync.console");
        await watched.AssertAccessibleAsync();
        // The refusal itself is the page's answer, not an error in the browser.
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheConsoleAsksToSignInAgain()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);
        await signIn.SignInAsync(ConsoleSite.AdminKey);

        await signIn.SignOutAsync();

        Assert.EndsWith("/console/sign-in?signedOut=true", page.Url, StringComparison.Ordinal);
        Assert.Equal("You are signed out.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.DoesNotContain(await watched.Context.CookiesAsync(), c => c.Name == "coworksync.console");
        await page.GotoAsync("/console/members");
        Assert.Contains("/console/sign-in?returnUrl=", page.Url, StringComparison.Ordinal);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyStrictAndLimitedToTheConsole_AndPagesCarryTheContentSecurityPolicy()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var cookie = Assert.Single(await watched.Context.CookiesAsync(), c => c.Name == "coworksync.console");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/console", cookie.Path);
        Assert.False(cookie.Secure); // plain HTTP on loopback; Secure over HTTPS and always under the Functions host
        Assert.Equal(-1, cookie.Expires); // a session cookie; the ticket inside expires after 30 idle minutes
        var antiforgery = Assert.Single(await watched.Context.CookiesAsync(), c => c.Name == "coworksync.antiforgery");
        Assert.True(antiforgery.HttpOnly);

        var response = await page.GotoAsync("/console");
        var headers = await response!.AllHeadersAsync();
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            headers["content-security-policy"]);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task FormPostedWithoutItsAntiforgeryToken_IsRefusedWith400_AndChangesNothing()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);
        await signIn.SignInAsync(ConsoleSite.AdminKey, "Support");

        // The header's sign-out form, with its token taken out before it is sent.
        await page.Locator("form.sign-out input[name=__RequestVerificationToken]").EvaluateAsync("input => input.remove()");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Url.EndsWith("/console/sign-out", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This form has expired");
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors(expectedErrorPage: "/console/sign-out");
        await page.GotoAsync("/console");
        Assert.Equal("Support", await signIn.SignedInRole.TextContentAsync());
    }

    [Fact]
    public async Task SignIn_WithTheKeyboardAlone_TabAndEnter()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        var signIn = new ConsoleSignIn(page);
        await signIn.OpenAsync();
        var keyboard = page.Keyboard;

        // The skip link is the first stop, shown when focused.
        await keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await TabUntilAsync(page, "admin-key");
        await keyboard.TypeAsync(ConsoleSite.AdminKey);
        await keyboard.PressAsync("Tab");
        Assert.Equal("role-operator", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await keyboard.PressAsync("ArrowDown");
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "Support" }).IsCheckedAsync());
        await keyboard.PressAsync("Tab");
        Assert.Equal("Sign in", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console$"));

        Assert.Equal("Support", await signIn.SignedInRole.TextContentAsync());
        watched.AssertNoErrors();
    }

    private static async Task TabUntilAsync(IPage page, string id)
    {
        for (var i = 0; i < 10; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement.id") == id)
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"#{id} was not reached within 10 presses of Tab.");
    }
}
