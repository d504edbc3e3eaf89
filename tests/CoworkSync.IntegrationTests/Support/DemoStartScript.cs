using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CoworkSync.IntegrationTests.Deployment;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Simulators.Demo;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// <c>bash scripts/start.sh --demo</c> as a newcomer runs it, non-interactively: on free ports, with its data folder
/// in <see cref="DataDirectory"/>, running this test run's build (no rebuild), and with settings that would break the
/// demo were they not overridden (a function key, SMTP, another outbox, Key Vault, Service Bus). It runs in a session
/// of its own, like a terminal's foreground job, so <see cref="StopAsync"/> can press Ctrl-C: SIGINT to the whole
/// process group, the script and everything it started. Waits for the demo's ready line.
/// </summary>
public sealed class DemoStartScript : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly CapturedOutput _output = new("scripts/start.sh --demo", maxLines: 300);
    private ChildProcess _process = null!;

    private DemoStartScript(DemoPorts ports, string dataDirectory)
    {
        Ports = ports;
        DataDirectory = dataDirectory;
    }

    public DemoPorts Ports { get; }

    public string DataDirectory { get; }

    public Uri AppUrl => new($"http://127.0.0.1:{Ports.App.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>What the script printed on stdout so far (the demo's own output).</summary>
    public IReadOnlyList<string> Lines => [.. _stdout];

    public string FunctionKey => File.ReadAllText(Path.Combine(DataDirectory, "function-key")).Trim();

    public static async Task<DemoStartScript> StartAsync(DemoPorts ports, string dataDirectory)
    {
        // setsid runs env and then bash in place (the test host's child leads no group), so bash's pid is the new
        // group's id. env restores SIGINT's default first: a test command started in the background (`… &`) runs with
        // SIGINT ignored, every child inherits that, and bash cannot trap a signal ignored when it starts, so Ctrl-C
        // would never reach the script's cleanup. A terminal's Ctrl-C, which this test plays, finds it at its default.
        var startInfo = new ProcessStartInfo("setsid") { RedirectStandardInput = true, WorkingDirectory = RepositoryLayout.RepoRoot };
        startInfo.ArgumentList.Add("env");
        startInfo.ArgumentList.Add("--default-signal=INT");
        startInfo.ArgumentList.Add("bash");
        startInfo.ArgumentList.Add(Path.Combine(RepositoryLayout.RepoRoot, "scripts", "start.sh"));
        startInfo.ArgumentList.Add("--demo");
        foreach (var name in startInfo.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("COWORKSYNC_", StringComparison.Ordinal)).ToList())
            startInfo.Environment.Remove(name);
        var settings = new Dictionary<string, string>
        {
            ["COWORKSYNC_SKIP_BUILD"] = "1",
            ["COWORKSYNC_CONFIGURATION"] = BuildConfiguration,
            ["COWORKSYNC_DATA_DIR"] = dataDirectory,
            ["COWORKSYNC_PORT"] = Text(ports.App),
            ["COWORKSYNC_DEMO_PORT"] = Text(ports.Space),
            ["COWORKSYNC_DEMO_RADIUS_PORT"] = Text(ports.Radius),
            ["AZURITE_BLOB_PORT"] = Text(ports.Blob),
            ["AZURITE_QUEUE_PORT"] = Text(ports.Queue),
            ["AZURITE_TABLE_PORT"] = Text(ports.Table),
            // What a local.settings.json in the repository root might hold, set where it weighs more (the
            // environment): each would break the demo unless the script overrides it.
            ["LocalMode__FunctionKey"] = "not-the-demo-key",
            ["Email__SmtpHost"] = "smtp.invalid",
            ["Email__OutboxPath"] = Path.Combine(dataDirectory, "not-the-outbox"),
            ["KeyVault__VaultUri"] = "https://not-a-vault.invalid/",
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "not-a-namespace.invalid",
        };
        foreach (var (name, value) in settings)
            startInfo.Environment[name] = value;

        var script = new DemoStartScript(ports, dataDirectory);
        var process = script._process = ChildProcess.Start(startInfo, script.OnOutput);
        process.StandardInput.Close();
        try
        {
            await Eventually.TrueAsync(() => script._stdout.Contains(DemoRunner.ReadyLine) || process.HasExited, "the demo's ready line", ReadyLimit);
        }
        catch (TimeoutException e)
        {
            await script.DisposeAsync();
            throw new TimeoutException(e.Message + script.RecentOutput(), e);
        }
        if (process.HasExited)
        {
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"scripts/start.sh --demo exited with code {process.ExitCode} before the demo was ready.{script.RecentOutput()}");
        }
        return script;
    }

    public string RecentOutput() => _output.Describe();

    /// <summary>Ctrl-C: SIGINT to the script's process group; waits for the script to stop everything it started and exit, and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!await SignalGroupAsync(_process.Id, "INT"))
            throw new InvalidOperationException($"There is no process group {_process.Id} to interrupt: the script exited, or does not lead its own group.{RecentOutput()}");
        if (!await _process.ExitsWithinAsync(StopLimit))
            throw new TimeoutException($"scripts/start.sh --demo did not exit within {StopLimit.TotalSeconds:0} s of SIGINT.{RecentOutput()}");
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Stops the script as <see cref="StopAsync"/> does; kills its process group if it does not exit, then whatever is left.</summary>
    public ValueTask DisposeAsync() => new(_process.StopAsync(InterruptAsync));

    private static async Task InterruptAsync(ChildProcess process)
    {
        await SignalGroupAsync(process.Id, "INT");
        if (!await process.ExitsWithinAsync(StopLimit))
            await SignalGroupAsync(process.Id, "KILL");
    }

    /// <returns>Whether the group existed.</returns>
    private static async Task<bool> SignalGroupAsync(int groupId, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + groupId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return kill.ExitCode == 0;
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private void OnOutput(string stream, string? line)
    {
        if (line is null)
            return;
        _output.Append(stream, line);
        if (stream == "stdout")
            _stdout.Enqueue(line);
    }
}

/// <summary>The loopback ports one demo start uses: Azurite's three, CoworkSync's, the demo space's, FreeRADIUS's auth port (accounting: + 1).</summary>
public sealed record DemoPorts(int Blob, int Queue, int Table, int App, int Space, int Radius)
{
    public static DemoPorts Free()
    {
        var tcp = FreePorts.Tcp(5);
        return new DemoPorts(tcp[0], tcp[1], tcp[2], tcp[3], tcp[4], FreePorts.UdpPair());
    }

    public IEnumerable<int> Tcp => [Blob, Queue, Table, App, Space];

    public IEnumerable<int> Udp => [Radius, Radius + 1];
}
