using System.Diagnostics;
using System.Text;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>Runs a command to completion with a time limit and collects what it printed.</summary>
internal static class ProcessRunner
{
    public sealed record Result(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
    {
        public string Describe() =>
            $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s.{Environment.NewLine}" +
            $"stdout:{Environment.NewLine}{Tail(StandardOutput)}{Environment.NewLine}stderr:{Environment.NewLine}{Tail(StandardError)}";

        private static string Tail(string text) => text.Length <= 8000 ? text : "…" + text[^8000..];
    }

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            startInfo.Environment[key] = value;

        var command = string.Join(' ', new[] { fileName }.Concat(startInfo.ArgumentList));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Snapshot(stdout)}{Environment.NewLine}{Snapshot(stderr)}");
        }
        await process.WaitForExitAsync(CancellationToken.None); // flushes the output readers
        return new Result(command, process.ExitCode, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.AppendLine(line);
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }
}
