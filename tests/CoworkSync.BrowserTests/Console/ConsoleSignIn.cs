using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Console;

/// <summary>The console's sign-in page and the header's sign-out, as a person uses them.</summary>
public sealed class ConsoleSignIn(IPage page)
{
    public const string Path = "/console/sign-in";

    public ILocator Key => page.GetByLabel("Admin key");

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public ILocator SignedInRole => page.Locator("header .role");

    public Task<IResponse?> OpenAsync(string? returnUrl = null) =>
        page.GotoAsync(returnUrl is null ? Path : $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Fills the key, picks the role and presses the button, with the mouse as most people would.</summary>
    public async Task SignInAsync(string key, string role = "Operator")
    {
        if (!page.Url.Contains(Path, StringComparison.Ordinal))
            await OpenAsync();
        await Key.FillAsync(key);
        await page.GetByRole(AriaRole.Radio, new() { Name = role }).CheckAsync();
        await SignInButton.ClickAsync();
        // The page is polled for its outcome rather than awaited with WaitForLoadStateAsync, which can miss the load
        // event of the page a form's redirect leads to and then waits out its whole timeout.
        await Expect(SignedInRole.Or(Error).First).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Key).ToBeVisibleAsync();
    }
}
