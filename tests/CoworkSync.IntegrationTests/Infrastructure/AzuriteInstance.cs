using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// An Azurite process (Blob, Queue and Table on free loopback ports, in-memory data) started from
/// the repository's node_modules for the duration of a test run. Can be stopped and started again
/// on the same ports to test recovery (in-memory data does not survive a restart).
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SecondTerminateAfter = TimeSpan.FromSeconds(1);
    private const int SigTerm = 15;

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly string _repoRoot;
    private readonly string _azuriteScript;
    private ChildProcess? _process;
    private CapturedOutput? _output;
    private bool _disposed;

    private readonly string? _location;

    private AzuriteInstance(string repoRoot, string azuriteScript, int blobPort, int queuePort, int tablePort, string? location = null)
    {
        _location = location;
        _repoRoot = repoRoot;
        _azuriteScript = azuriteScript;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A full, explicit connection string for this instance's three endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>True while the Azurite process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts Azurite on three free loopback ports and waits until all of them accept connections.
    /// </summary>
    public static Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default) => StartAsync(location: null, cancellationToken);

    /// <summary>
    /// Starts Azurite as <see cref="StartAsync(CancellationToken)"/> does, but keeping its data in <paramref name="location"/>
    /// (when given) instead of memory, so that it survives <see cref="StopGracefullyAsync"/> and <see cref="StartAgainAsync"/>.
    /// </summary>
    public static async Task<AzuriteInstance> StartAsync(string? location, CancellationToken cancellationToken = default)
    {
        var repoRoot = FindRepoRoot();
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: {script} does not exist. " +
                "Run `bash scripts/test.sh` (or `npm ci` in the repository root) first.");
        }

        return await StartRetry.OnFreshPortsAsync(
            () =>
            {
                var ports = FreePorts.Tcp(3);
                return Task.FromResult(new AzuriteInstance(repoRoot, script, ports[0], ports[1], ports[2], location));
            },
            instance => instance.StartProcessAsync(cancellationToken),
            e => e is AzuriteStartException);
    }

    /// <summary>
    /// Stops Azurite: SIGTERM (a second one after 1 s if it lingers), then SIGKILL if it is still
    /// running after 5 s; waits for it to exit.
    /// Does nothing if it is not running.
    /// </summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await StopProcessAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops Azurite with one SIGTERM, so that it closes its servers and saves its data (on disk when started with a
    /// location), waiting up to <paramref name="limit"/> before it is killed.
    /// </summary>
    public async Task StopGracefullyAsync(TimeSpan limit)
    {
        await _lifecycle.WaitAsync();
        try
        {
            var process = _process;
            _process = null;
            if (process is null)
                return;
            await process.StopAsync(async running =>
            {
                if (SendTerminate(running))
                    await running.ExitsWithinAsync(limit);
            });
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Starts Azurite again on the same ports (stopping it first if it is running). In-memory data is lost; data on disk is kept.
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await StopProcessAsync();
            await StartProcessAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopProcessAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = _repoRoot, RedirectStandardInput = true };
        var watchdog = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "azurite-watchdog.cjs");
        if (File.Exists(watchdog))
        {
            startInfo.ArgumentList.Add("--require");
            startInfo.ArgumentList.Add(watchdog);
        }

        string[] persistence = _location is null ? ["--inMemoryPersistence"] : ["--location", _location];
        string[] arguments =
        [
            _azuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
            .. persistence,
            "--skipApiVersionCheck", "--disableProductStyleUrl",
            "--disableTelemetry", "--silent",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new CapturedOutput("Azurite", 200);
        ChildProcess process;
        try
        {
            process = ChildProcess.Start(startInfo, output);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "Could not start `node` to run Azurite. Install Node.js 20 or later and make sure `node` is on PATH.", e);
        }

        _process = process;
        _output = output;

        try
        {
            await process.WaitUntilReadyAsync(
                AllPortsAcceptAsync, StartTimeout, PollInterval,
                () => new AzuriteStartException(
                    $"Azurite exited with code {process.ExitCode} during startup (ports {BlobPort}/{QueuePort}/{TablePort}).{output.Describe()}"),
                () => new TimeoutException(
                    $"Azurite did not accept connections on ports {BlobPort}/{QueuePort}/{TablePort} within {StartTimeout.TotalSeconds:0} s.{output.Describe()}"),
                cancellationToken);
        }
        catch (TimeoutException)
        {
            await StopProcessAsync();
            throw;
        }
    }

    private async Task StopProcessAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        // Azurite handles the first SIGTERM by closing its servers, but node then waits for idle keep-alive
        // connections (the SDK clients') and can linger for a minute. Its handler is a one-shot, so a second
        // SIGTERM takes node's default action and ends it.
        // Where no signal can be sent, the process is killed at once.
        await process.StopAsync(async running =>
        {
            if (SendTerminate(running) && !await running.ExitsWithinAsync(SecondTerminateAfter) && SendTerminate(running))
            {
                await running.ExitsWithinAsync(StopGracePeriod - SecondTerminateAfter);
            }
        });
    }

    private static bool SendTerminate(ChildProcess process) =>
        !OperatingSystem.IsWindows() && NativeMethods.Kill(process.Id, SigTerm) == 0;

    private async Task<bool> AllPortsAcceptAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await FreePorts.AcceptsAsync(port, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoworkSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (a folder with CoworkSync.sln) above {AppContext.BaseDirectory}.");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}

/// <summary>Azurite exited while starting (for example because a port was taken in the meantime).</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException()
    {
    }

    public AzuriteStartException(string message)
        : base(message)
    {
    }

    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
