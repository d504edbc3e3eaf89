using System.Diagnostics;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// A private FreeRADIUS (<c>freeradius -X</c>) running the repository's <c>infra/radius</c> configuration against a
/// CoworkSync base URL and function key, on free loopback UDP ports with one client, 127.0.0.1, whose secret is
/// <see cref="RadiusEndpoint.Secret"/>. Access-Rejects are not delayed (<c>reject_delay = 0</c>) to keep tests quick.
/// Dispose it to kill the process and delete its temp folder.
/// </summary>
public sealed class FreeRadiusServer : IAsyncDisposable
{
    private const string RestModule = "/usr/lib/freeradius/rlm_rest.so";
    private const string ReadyLine = "Ready to process requests";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(2);

    private readonly string _root;
    private readonly CapturedOutput _output = new("FreeRADIUS", maxLines: 400);
    private ChildProcess? _process;
    private volatile bool _ready;
    private bool _disposed;

    private FreeRadiusServer(string root, RadiusEndpoint endpoint, string configDirectory)
    {
        _root = root;
        Endpoint = endpoint;
        ConfigDirectory = configDirectory;
    }

    /// <summary>Host, ports, secret and the CA certificate of the server's EAP certificate: pass it to <see cref="RadClient"/> and <see cref="EapolTest"/>.</summary>
    public RadiusEndpoint Endpoint { get; }

    /// <summary>The private copy of the FreeRADIUS configuration (<c>freeradius -d</c>).</summary>
    public string ConfigDirectory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts FreeRADIUS and waits until it is ready to process requests.</summary>
    /// <param name="coworkSyncUrl">CoworkSync's base URL (COWORKSYNC_URL); the endpoints are under <c>/api/radius/</c>.</param>
    /// <param name="functionKey">The key sent as <c>?code=</c> (COWORKSYNC_FUNCTION_KEY).</param>
    /// <exception cref="InvalidOperationException">FreeRADIUS is not installed or its configuration is unreadable.</exception>
    public static async Task<FreeRadiusServer> StartAsync(Uri coworkSyncUrl, string functionKey, CancellationToken cancellationToken = default)
    {
        var freeradius = RadiusTools.Require("freeradius", "freeradius");
        if (!File.Exists(RestModule))
            throw new InvalidOperationException($"FreeRADIUS's rest module ({RestModule}, Debian package freeradius-rest) is not installed. {RadiusTools.InstallHint}");
        if (!FreeRadiusConfig.IsReadable(Path.Combine(FreeRadiusConfig.SystemRaddb, "radiusd.conf")))
        {
            throw new InvalidOperationException(
                $"{FreeRadiusConfig.SystemRaddb} is readable only by root and the freerad group: run the RADIUS tests as root or as a member of freerad.");
        }

        return await StartRetry.OnFreshPortsAsync(
            CreateAsync,
            server => server.StartProcessAsync(freeradius, coworkSyncUrl, functionKey, cancellationToken),
            e => e is FreeRadiusStartException { PortTaken: true });
    }

    /// <summary>The last lines FreeRADIUS printed (its debug log: every request, module call and reply).</summary>
    public string RecentOutput() => _output.Describe();

    /// <summary>
    /// Stops FreeRADIUS and waits for it to exit: closing the watchdog's stdin makes it terminate and reap the server;
    /// if that takes over 2 s everything is killed. Does nothing if it is not running.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
            return;
        await process.StopAsync(async running =>
        {
            running.StandardInput.Close();
            await running.ExitsWithinAsync(StopGracePeriod);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<FreeRadiusServer> CreateAsync()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"coworksync-freeradius-{Guid.NewGuid():N}")).FullName;
        try
        {
            var ports = FreePorts.Udp(2);
            var (authPort, acctPort) = (ports[0], ports[1]);
            var secret = "it-" + Guid.NewGuid().ToString("N")[..16];
            var (raddb, caCertificate) = await FreeRadiusConfig.CreateAsync(root, authPort, acctPort, secret);
            return new FreeRadiusServer(root, new RadiusEndpoint("127.0.0.1", authPort, acctPort, secret, caCertificate), raddb);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private async Task StartProcessAsync(string freeradius, Uri coworkSyncUrl, string functionKey, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardInput = true, WorkingDirectory = _root };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Infrastructure", "freeradius-watchdog.sh"), freeradius, "-X", "-d", ConfigDirectory,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["COWORKSYNC_URL"] = coworkSyncUrl.ToString().TrimEnd('/');
        startInfo.Environment["COWORKSYNC_FUNCTION_KEY"] = functionKey;

        var process = ChildProcess.Start(startInfo, OnOutput);
        _process = process;

        await process.WaitUntilReadyAsync(
            _ => Task.FromResult(_ready), StartTimeout, PollInterval,
            () =>
            {
                var output = RecentOutput();
                return new FreeRadiusStartException(
                    $"FreeRADIUS exited with code {process.ExitCode} while starting on ports {Endpoint.AuthPort}/{Endpoint.AcctPort} " +
                    $"(config {ConfigDirectory}).{output}",
                    portTaken: output.Contains("Address already in use", StringComparison.Ordinal));
            },
            () => new TimeoutException($"FreeRADIUS did not print \"{ReadyLine}\" within {StartTimeout.TotalSeconds:0} s.{RecentOutput()}"),
            cancellationToken);
    }

    private void OnOutput(string stream, string? line)
    {
        if (line is null)
            return;
        _output.Append(stream, line);
        if (line.Contains(ReadyLine, StringComparison.Ordinal))
            _ready = true;
    }
}
