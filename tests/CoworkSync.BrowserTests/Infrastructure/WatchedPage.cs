using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// A page in a context of its own, recording what a person would not want to see: errors in the browser console,
/// uncaught script errors, and any request to another origin (every asset must come from the app).
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    /// <summary>Set to <c>1</c> to have <see cref="ScreenshotAsync"/> write PNGs into the repository's docs/ folder.</summary>
    public const string ScreenshotsVariable = "COWORKSYNC_SCREENSHOTS";

    /// <summary>What went wrong, and where (for console messages Chrome's "url:line:column").</summary>
    private readonly ConcurrentQueue<(string Problem, string? Url)> _problems = new();

    /// <param name="context">The page's own browser context.</param>
    /// <param name="page">The page.</param>
    /// <param name="baseUrl">The app's origin.</param>
    /// <param name="otherOrigins">Origins a flow is expected to visit (an OAuth provider's pages); none by default.</param>
    public WatchedPage(IBrowserContext context, IPage page, Uri baseUrl, params Uri[] otherOrigins)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _problems.Enqueue(($"console error: {message.Text} ({message.Location})", message.Location));
        };
        page.PageError += (_, error) => _problems.Enqueue(($"page error: {error}", null));
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } url && url.Authority != baseUrl.Authority && !otherOrigins.Any(o => o.Authority == url.Authority))
                _problems.Enqueue(($"request to another origin: {request.Url}", null));
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>
    /// Fails on every browser console error, script error and foreign request seen so far. A page the test expects to
    /// answer with an error status (<paramref name="expectedErrorPage"/>, a 404 say) is one Chrome reports as
    /// "Failed to load resource" too; that report alone is allowed (for the page with any query).
    /// </summary>
    public void AssertNoErrors(string? expectedErrorPage = null)
    {
        var problems = _problems
            .Where(p => expectedErrorPage is null || p.Url is null
                || !(p.Url.Contains(expectedErrorPage + ":", StringComparison.Ordinal) || p.Url.Contains(expectedErrorPage + "?", StringComparison.Ordinal))
                || !p.Problem.Contains("Failed to load resource", StringComparison.Ordinal))
            .Select(p => p.Problem)
            .ToList();
        Assert.True(problems.Count == 0, "The browser reported:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Runs axe on the page as it is; fails on any serious or critical violation, naming the elements.</summary>
    public async Task AssertAccessibleAsync()
    {
        var results = await Page.RunAxe();
        var severe = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"axe on {Page.Url}:" + Environment.NewLine + string.Join(Environment.NewLine, severe.Select(Describe)));
    }

    /// <summary>Fails when the page is wider than the window (a phone would scroll sideways).</summary>
    public async Task AssertNoHorizontalOverflowAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= viewport, $"{Page.Url} is {scrollWidth}px wide in a {viewport}px window.");
    }

    /// <summary>
    /// When <see cref="ScreenshotsVariable"/> is set, saves the page as <c>docs/{face}/{name}.png</c>. Only
    /// Demo/DemoScreenshotsTests calls it, so every screenshot shows the demo's data.
    /// </summary>
    public async Task ScreenshotAsync(string face, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1")
            return;
        var folder = Path.Combine(RepositoryRoot(), "docs", face);
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Impact} {violation.Id}: {violation.Help} at {string.Join("; ", violation.Nodes.Select(n => n.Html))}";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoworkSync.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("No CoworkSync.sln above " + AppContext.BaseDirectory);
    }
}
