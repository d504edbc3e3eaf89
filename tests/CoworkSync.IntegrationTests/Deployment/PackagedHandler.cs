using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoworkSync.IntegrationTests.Infrastructure;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// The packaged handler started the way the Functions host starts a custom handler: the executable and arguments
/// from the package's host.json (with <c>%NAME%</c> expanded from the child's environment), the working directory
/// of the function app root, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and the worker variables set, the app settings as
/// environment variables, then <c>GET /</c> polled until the handler answers.
/// </summary>
internal sealed partial class PackagedHandler : IAsyncDisposable
{
    /// <summary>The host gives a custom handler 60 seconds to answer its readiness probe.</summary>
    public static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly CapturedOutput _output;

    private PackagedHandler(ChildProcess process, CapturedOutput output, int port, string command)
    {
        _process = process;
        _output = output;
        Port = port;
        Command = command;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>What was run, for messages.</summary>
    public string Command { get; }

    public HttpClient Client { get; }

    /// <summary>From process start to the first answer to <c>GET /</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Status of the first answer to the readiness probe.</summary>
    public HttpStatusCode ReadinessStatus { get; private set; }

    public string ReadinessBody { get; private set; } = "";

    public bool HasExited => _process.HasExited;

    public string DescribeOutput() => _output.Describe();

    public static async Task<PackagedHandler> StartAsync(string appRoot, IReadOnlyDictionary<string, string> appSettings)
    {
        using var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(appRoot, "host.json")));
        var description = hostJson.RootElement.GetProperty("customHandler").GetProperty("description");
        var workingDirectory = description.TryGetProperty("workingDirectory", out var wd) && wd.GetString() is { Length: > 0 } relative
            ? Path.Combine(appRoot, relative)
            : appRoot;
        var executable = Path.Combine(workingDirectory, description.GetProperty("defaultExecutablePath").GetString()!);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"host.json names {executable}, which the package does not contain.");

        var port = FreePorts.Tcp()[0];
        var workerId = Guid.NewGuid().ToString();
        var startInfo = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, RedirectStandardInput = true };

        // Nothing from the test run's environment that the app reads may leak in: only what the host would set.
        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (IsAppSetting(name))
                startInfo.Environment.Remove(name);
        }
        startInfo.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["FUNCTIONS_HTTPWORKER_PORT"] = startInfo.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"];
        startInfo.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = workerId;
        startInfo.Environment["FUNCTIONS_HTTPWORKER_ID"] = workerId;
        startInfo.Environment["FUNCTIONS_APP_ROOT_PATH"] = appRoot;
        foreach (var (name, value) in appSettings)
            startInfo.Environment[name] = value;

        if (description.TryGetProperty("arguments", out var arguments))
        {
            foreach (var argument in arguments.EnumerateArray())
                startInfo.ArgumentList.Add(Expand(argument.GetString() ?? "", startInfo.Environment));
        }

        var command = string.Join(' ', new[] { Path.GetRelativePath(appRoot, executable) }.Concat(startInfo.ArgumentList));
        var output = new CapturedOutput("The handler", 200);
        var stopwatch = Stopwatch.StartNew();
        var process = ChildProcess.Start(startInfo, output);
        process.StandardInput.Close();

        var handler = new PackagedHandler(process, output, port, command);
        try
        {
            await handler.WaitUntilReadyAsync(stopwatch);
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.StopAsync();
    }

    private async Task WaitUntilReadyAsync(Stopwatch stopwatch)
    {
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"`{Command}` exited with {_process.ExitCode} before answering GET /.{_output.Describe()}");
            }
            try
            {
                // Like the host: any HTTP answer means the handler is up.
                using var response = await probe.GetAsync("/");
                StartupTime = stopwatch.Elapsed;
                ReadinessStatus = response.StatusCode;
                ReadinessBody = await response.Content.ReadAsStringAsync();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (stopwatch.Elapsed > StartupBudget)
                throw new TimeoutException($"`{Command}` did not answer GET / within {StartupBudget.TotalSeconds:0} s.{_output.Describe()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The host's <c>%NAME%</c> expansion: from the child's environment; unknown names stay as written.</summary>
    private static string Expand(string argument, IDictionary<string, string?> environment) =>
        Placeholder().Replace(argument, m => environment.TryGetValue(m.Groups[1].Value, out var value) && value is not null ? value : m.Value);

    private static bool IsAppSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)
        || name.StartsWith("FUNCTIONS_", StringComparison.Ordinal) || name.StartsWith("AZURE_", StringComparison.Ordinal)
        || name.StartsWith("IDENTITY_", StringComparison.Ordinal) || name.StartsWith("MSI_", StringComparison.Ordinal)
        || name.Equals("urls", StringComparison.OrdinalIgnoreCase)
        || Functions.Hosting.AppSettingCatalog.All.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();

}
