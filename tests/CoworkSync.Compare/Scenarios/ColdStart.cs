using System.Diagnostics;
using System.Net.Sockets;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Processes;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Cold start: from starting the process to the first 200 from <c>GET /api/health</c> (polled every 5 ms), for the
/// packaged app (scripts/package.sh: self-contained linux-x64, the executable host.json names) in local mode against
/// the small world's Azurite, and for an empty ASP.NET Core app published the same way; alternately, median of each.
/// </summary>
public static class ColdStart
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task RunAsync(Bench bench)
    {
        var o = bench.Options;
        Console.Error.WriteLine("==> Cold start");
        var app = Path.Combine(o.PackageFolder, "app", "CoworkSync.Functions");
        var empty = Path.Combine(o.EmptyAppFolder, "CoworkSync.EmptyApp");
        var ours = new List<double>();
        var theirs = new List<double>();
        for (var i = 0; i < o.ColdStarts; i++)
        {
            var state = Path.Combine(o.WorkFolder, "cold-start", $"state-{i}");
            ours.Add(await TimeAsync("packaged CoworkSync", app, o.PackageFolder, new Dictionary<string, string>
            {
                ["LocalData__Path"] = state,
                ["Storage__ConnectionString"] = bench.Small.Azurite.ConnectionString,
                ["LocalMode__FunctionKey"] = CoworkSyncApp.FunctionKey,
                ["Email__OutboxPath"] = Path.Combine(state, "mail"),
                ["Email__SmtpHost"] = "",
                ["KeyVault__VaultUri"] = "",
                ["ServiceBusConnection__fullyQualifiedNamespace"] = "",
            }, o.WorkFolder));
            theirs.Add(await TimeAsync("empty app", empty, o.EmptyAppFolder, new Dictionary<string, string>(), o.WorkFolder));
            Console.Error.WriteLine($"    CoworkSync {ours[^1]:0} ms, empty app {theirs[^1]:0} ms");
        }
        var (median, reference) = (Figure.Median(ours), Figure.Median(theirs));
        bench.Table.Add(new Row($"Cold start, packaged (self-contained linux-x64), start → first 200 from /api/health (median of {o.ColdStarts})",
            Format.Milliseconds(median), "empty ASP.NET Core app, same packaging: " + Format.Milliseconds(reference),
            Format.Ratio(median, reference), "≤ 1.3 (CoworkSync / empty)", "", ""));
    }

    private static async Task<double> TimeAsync(string name, string executable, string workingDirectory, Dictionary<string, string> environment, string logFolder)
    {
        var port = Ports.FreeTcp();
        var url = $"http://127.0.0.1:{port}/api/health";
        var clock = Stopwatch.StartNew();
        var process = Started.Start(name, executable, ["--urls", $"http://127.0.0.1:{port}"], Path.Combine(logFolder, "cold-start", name.Replace(' ', '-') + ".log"), environment, workingDirectory);
        try
        {
            while (true)
            {
                try
                {
                    using var response = await Http.GetAsync(url);
                    if (response.IsSuccessStatusCode)
                        return clock.Elapsed.TotalMilliseconds;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
                {
                    // Not listening yet.
                }
                if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                    throw new InvalidOperationException($"{name} did not answer 200 at {url}. Its log:{Environment.NewLine}{process.Tail()}");
                await Task.Delay(5);
            }
        }
        finally
        {
            await process.StopAsync();
        }
    }
}
