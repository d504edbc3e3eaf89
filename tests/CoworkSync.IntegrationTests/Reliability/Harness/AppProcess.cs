using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CoworkSync.IntegrationTests.Deployment;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support.Secrets;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>
/// CoworkSync in local mode as <c>scripts/start.sh</c> runs it (<c>dotnet CoworkSync.Functions.dll --urls …</c>, this
/// run's build), as a separate OS process a test can SIGKILL and start again on the same port, folder (keys, local
/// secrets, outbox) and queue. Every line it prints is kept, across restarts, in <see cref="LogLines"/> and in
/// <c>{folder}/coworksync.log</c>; the secrets scan reads them (<see cref="SecretsInLogs"/>).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string FunctionKey = "reliability-function-key-7f3a9c";

    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Dictionary<string, string> _settings;
    private readonly string _logFile;
    private ChildProcess? _process;

    private AppProcess(string storageConnectionString, IReadOnlyDictionary<string, string>? settings)
    {
        Folder = Directory.CreateTempSubdirectory("coworksync-reliability-").FullName;
        Port = FreePorts.Tcp()[0];
        QueueName = "events-" + Guid.NewGuid().ToString("N")[..12];
        _logFile = Path.Combine(Folder, "coworksync.log");
        _settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LocalData__Path"] = Folder,
            ["Storage__ConnectionString"] = storageConnectionString,
            ["EventsQueueName"] = QueueName,
            ["LocalMode__FunctionKey"] = FunctionKey,
            ["Email__OutboxPath"] = Outbox,
            // Local state only, whatever the machine's environment says (as the demo does).
            ["Email__SmtpHost"] = "",
            ["KeyVault__VaultUri"] = "",
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["LocalQueue__PollInterval"] = "00:00:00.100",
            // Syncs run when a test starts them.
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            ["AzureWebJobs.PollCobot.Disabled"] = "true",
            // The books count EventApplied lines (event id 100) to find an event applied twice; they are Debug.
            ["Logging__LogLevel__CoworkSync.Messaging.Processing.EventProcessor"] = "Debug",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            _settings[name] = value;
        SecretsInLogs.Register(FunctionKey);
    }

    public string Folder { get; }

    public int Port { get; }

    public string QueueName { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public string Outbox => Path.Combine(Folder, "mail");

    public int? Pid => _process?.Id;

    /// <summary>Every line the app printed, every run of it.</summary>
    public IReadOnlyCollection<string> LogLines => _lines.ToArray();

    public static string Dll
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            return Path.Combine(RepositoryLayout.RepoRoot, "functions", "bin", configuration, "net10.0", "CoworkSync.Functions.dll");
        }
    }

    public static async Task<AppProcess> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new AppProcess(storageConnectionString, settings);
        await app.RunAsync(extra: null);
        return app;
    }

    /// <summary>Starts the app (again) with its settings plus <paramref name="extra"/> for this run only.</summary>
    public async Task RunAsync(IReadOnlyDictionary<string, string>? extra)
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException($"The app (pid {_process.Id}) is still running.");
        if (!File.Exists(Dll))
            throw new InvalidOperationException($"{Dll} does not exist: build the solution first.");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardInput = true };
        startInfo.ArgumentList.Add(Dll);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        foreach (var name in startInfo.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
            startInfo.Environment.Remove(name);
        foreach (var (name, value) in _settings)
            startInfo.Environment[name] = value;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;
        File.Delete(CrashMarker);
        var process = _process = ChildProcess.Start(startInfo, OnLine);
        process.StandardInput.Close();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilReadyAsync(
            async ct =>
            {
                try
                {
                    return (await http.GetAsync(new Uri(BaseUrl, "api/health"), ct)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    return false;
                }
            },
            ReadyLimit, TimeSpan.FromMilliseconds(200),
            () => new InvalidOperationException($"The app exited with code {process.ExitCode} while starting.{Recent()}"),
            () => new TimeoutException($"The app did not answer /api/health within {ReadyLimit.TotalSeconds:0} s.{Recent()}"),
            CancellationToken.None);
    }

    public string CrashMarker => Path.Combine(Folder, "crash-point-reached");

    /// <summary>SIGKILL, as an out-of-memory killer or a pulled plug would end it: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The app is not running.");
        if (!OperatingSystem.IsWindows())
            Signals.Kill(process.Id);
        await process.StopAsync();
        _process = null;
    }

    public HttpClient Client(bool withKey = false)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (withKey)
            client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public string Recent(int lines = 60)
    {
        var all = LogLines.ToArray();
        return Environment.NewLine + "App output (last lines):" + Environment.NewLine + string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
            await _process.StopAsync(async running =>
            {
                Signals.Terminate(running.Id);
                await running.ExitsWithinAsync(TimeSpan.FromSeconds(10));
            });
        _process = null;
        SecretsInLogs.Check($"the app process in {Folder}", LogLines);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private void OnLine(string stream, string? line)
    {
        if (line is null)
            return;
        _lines.Enqueue(line);
        lock (_lines)
            File.AppendAllText(_logFile, line + Environment.NewLine);
    }
}
