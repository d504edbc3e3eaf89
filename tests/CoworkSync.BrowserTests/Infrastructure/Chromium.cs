using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium, driven by Playwright's driver (shipped in its NuGet package, so nothing is downloaded) through
/// its executable path. Playwright gives every launch a fresh temporary profile (user-data dir); each test takes a
/// fresh context of its own, so no cookie passes from one test to another.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} does not exist: install Debian's chromium (apt-get install chromium); scripts/test.sh does.");
        }
        // CI runs the three sites side by side on a shared 2-core machine: an assertion polls this long before it fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
