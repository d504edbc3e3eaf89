using System.Net;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// What every browser-test site starts the same way: its own Azurite, CoworkSync in local mode on a loopback port chosen
/// up front (so emails and callbacks can name its address) with the poll timers off, and Debian's chromium to look at
/// it. A site adds its settings, the processes it needs next to the app (started before it, stopped after it) and
/// its data.
/// </summary>
public abstract class BrowserSite : IAsyncLifetime
{
    private AzuriteInstance? _azurite;
    private IPlaywright? _playwright;

    /// <param name="name">Names the site's local data folder (under the temporary folder).</param>
    protected BrowserSite(string name) =>
        DataPath = Path.Combine(Path.GetTempPath(), $"coworksync-{name}-" + Guid.NewGuid().ToString("N"));

    public LocalFunctionApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The app's local data folder (<c>LocalData:Path</c>): its keys, and its emails when no SMTP server is set.</summary>
    protected string DataPath { get; }

    /// <summary>Origins a page of this site may visit besides the app's own (an OAuth provider's pages).</summary>
    protected virtual Uri[] OtherOrigins => [];

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        await StartNeighboursAsync();
        var port = FreePorts.Tcp()[0];
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string?>
        {
            ["LocalData:Path"] = DataPath,
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            ["AzureWebJobs.PollCobot.Disabled"] = "true",
        };
        foreach (var (key, value) in AppSettings())
            settings[key] = value;
        App = new LocalFunctionApp(_azurite.ConnectionString, settings) { ConfigureServices = ConfigureAppServices };
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        App.StartServer();
        await SetUpAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (no cookies) at <paramref name="width"/>×<paramref name="height"/>, watched for errors.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
            AcceptDownloads = true,
        });
        return new WatchedPage(context, await context.NewPageAsync(), BaseUrl, OtherOrigins);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await StopBeforeAppAsync();
        if (App is not null)
            await App.DisposeAsync();
        await StopNeighboursAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }

    /// <summary>The site's own settings (over the common ones); <see cref="BaseUrl"/> is known by then.</summary>
    protected abstract IReadOnlyDictionary<string, string?> AppSettings();

    /// <summary>Service changes the site wants in the app (a clock it moves).</summary>
    protected virtual void ConfigureAppServices(IServiceCollection services)
    {
    }

    /// <summary>Processes the app talks to (simulators, sinks), started before the app.</summary>
    protected virtual Task StartNeighboursAsync() => Task.CompletedTask;

    /// <summary>The site's data, set up once the app listens.</summary>
    protected abstract Task SetUpAsync();

    /// <summary>What talks to the app, stopped before it (a FreeRADIUS, a demo).</summary>
    protected virtual Task StopBeforeAppAsync() => Task.CompletedTask;

    /// <summary>The processes of <see cref="StartNeighboursAsync"/>, stopped after the app.</summary>
    protected virtual Task StopNeighboursAsync() => Task.CompletedTask;
}
