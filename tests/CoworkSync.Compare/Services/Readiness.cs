using System.Diagnostics;
using System.Net.Sockets;
using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>Waits until a started process answers, failing early with its log when it dies.</summary>
public static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Polls <paramref name="url"/> every <paramref name="interval"/> until it answers 200; returns the time it took.</summary>
    public static async Task<TimeSpan> WaitForHttpAsync(Started process, string url, TimeSpan timeout, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
                // Not listening yet.
            }
            Check(process, clock, timeout, $"answer 200 at {url}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Waits until the process's log has a line containing <paramref name="text"/>.</summary>
    public static async Task WaitForLogAsync(Started process, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(process.Log) && File.ReadLines(process.Log).Any(l => l.Contains(text, StringComparison.Ordinal))))
        {
            Check(process, clock, timeout, $"print \"{text}\"");
            await Task.Delay(100);
        }
    }

    private static void Check(Started process, Stopwatch clock, TimeSpan timeout, string what)
    {
        if (process.HasExited)
            throw new InvalidOperationException($"{process.Name} exited before it would {what}. Its log ({process.Log}):{Environment.NewLine}{process.Tail()}");
        if (clock.Elapsed > timeout)
            throw new TimeoutException($"{process.Name} did not {what} within {timeout.TotalSeconds:0} s. Its log ({process.Log}):{Environment.NewLine}{process.Tail()}");
    }
}
