using System.Diagnostics;

namespace CoworkSync.Compare.Processes;

/// <summary>
/// A process the harness started, its output appended to a log file. Every one is remembered, so that an interrupted
/// run still stops them all (<see cref="StopAll"/>), and its pid is written to <c>pids</c> in the work folder for
/// <c>scripts/bench.sh</c>'s own clean-up.
/// </summary>
public sealed class Started
{
    private static readonly List<Started> All = [];
    private static string? _pidFile;
    private readonly Process _process;

    private Started(string name, Process process, string log)
    {
        Name = name;
        _process = process;
        Log = log;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string Log { get; }

    public bool HasExited => _process.HasExited;

    public static void RecordPidsIn(string file) => _pidFile = file;

    /// <summary>Starts <paramref name="file"/> with its output (stdout and stderr) appended to <paramref name="log"/>.</summary>
    public static Started Start(string name, string file, IEnumerable<string> arguments, string log,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        // exec through bash so the output goes straight to the file, and the pid is the program's own.
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardInput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >>\"$LOG_FILE\" 2>&1 </dev/null");
        info.ArgumentList.Add(name);
        info.ArgumentList.Add(file);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["LOG_FILE"] = log;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var started = new Started(name, process, log);
        lock (All)
        {
            All.Add(started);
            if (_pidFile is not null)
                File.AppendAllText(_pidFile, process.Id + Environment.NewLine);
        }
        return started;
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        lock (All)
            All.Remove(this);
        if (_process.HasExited)
            return;
        Signal("TERM");
        using var wait = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of the log, for error messages.</summary>
    public string Tail(int lines = 15) =>
        File.Exists(Log) ? string.Join(Environment.NewLine, File.ReadLines(Log).TakeLast(lines)) : "(no output)";

    public static void StopAll()
    {
        List<Started> remaining;
        lock (All)
            remaining = [.. All];
        foreach (var started in remaining)
        {
            try
            {
                if (!started._process.HasExited)
                    started._process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }
}
