using System.Diagnostics;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// A server a test fixture runs (Azurite, aiosmtpd, FreeRADIUS, the packaged handler): stdout and stderr captured line
/// by line, killed with its children if the test host ends without stopping it, and stopped by an optional graceful
/// step followed by a kill of whatever is left.
/// </summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private int _stopped;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The child's stdin (when the start info redirects it).</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    /// <summary>Starts <paramref name="startInfo"/> with its output redirected into <paramref name="output"/>.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The executable could not be started.</exception>
    public static ChildProcess Start(ProcessStartInfo startInfo, CapturedOutput output) => Start(startInfo, output.Append);

    /// <summary>Starts <paramref name="startInfo"/>, handing each output line (stream name, text) to <paramref name="onLine"/>.</summary>
    public static ChildProcess Start(ProcessStartInfo startInfo, Action<string, string?> onLine)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => onLine("stdout", e.Data);
        process.ErrorDataReceived += (_, e) => onLine("stderr", e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(process);
        AppDomain.CurrentDomain.ProcessExit += child.OnHostExit;
        return child;
    }

    /// <summary>Waits for the process to end and its output to be read to the end.</summary>
    public Task WaitForExitAsync() => _process.WaitForExitAsync(CancellationToken.None);

    /// <summary>
    /// Polls <paramref name="ready"/> until it says yes. Throws <paramref name="exited"/>'s exception when the process ends
    /// first (its output read to the end), <paramref name="timedOut"/>'s after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilReadyAsync(
        Func<CancellationToken, Task<bool>> ready, TimeSpan timeout, TimeSpan pollInterval, Func<Exception> exited, Func<Exception> timedOut, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                await WaitForExitAsync();
                throw exited();
            }
            if (await ready(cancellationToken))
                return;
            if (stopwatch.Elapsed > timeout)
                throw timedOut();
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    /// <summary>True when the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="graceful"/> (when given and the process still runs), kills whatever is left, waits for the
    /// end and releases the process. A second call does nothing.
    /// </summary>
    public async Task StopAsync(Func<ChildProcess, Task>? graceful = null)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        try
        {
            if (graceful is not null && !_process.HasExited)
                await graceful(this);
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // It exited between the checks.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnHostExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
