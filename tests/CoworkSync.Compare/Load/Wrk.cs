using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Load;

/// <summary>
/// Signed Coworks webhooks with wrk (one thread, N connections, a fixed duration) through coworks-webhook.lua, which
/// signs each request and counts the answers by status. A 202 is a success; anything else a failure. Its CPU is read
/// from the shell that waited for it.
/// </summary>
public static partial class Wrk
{
    private const string Wrapper = """
        out="$1"; shift
        wrk "$@" >"$out" 2>&1
        cat /proc/$$/stat >"$out.stat"
        """;

    public static async Task<LoadResult> RunAsync(string url, string folder, int connections, TimeSpan duration,
        string spaceId, string memberPrefix, int members, string secret)
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "wrk-" + Guid.NewGuid().ToString("N")[..8]);
        var script = Path.Combine(AppContext.BaseDirectory, "Load", "coworks-webhook.lua");
        var clock = Stopwatch.StartNew();
        var (exit, text) = await Tool.RunAsync("bash",
            ["-c", Wrapper, "wrk-load", output, "-t1", $"-c{connections}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s",
                "--timeout", "10s", "--latency", "-s", script, url],
            duration + TimeSpan.FromSeconds(60),
            new Dictionary<string, string>
            {
                ["WEBHOOK_SECRET"] = secret,
                ["WEBHOOK_SPACE"] = spaceId,
                ["WEBHOOK_PREFIX"] = memberPrefix,
                ["WEBHOOK_MEMBERS"] = members.ToString(CultureInfo.InvariantCulture),
                ["WEBHOOK_RUN"] = Guid.NewGuid().ToString("N")[..10],
            });
        var elapsed = clock.Elapsed;
        var report = await File.ReadAllTextAsync(output);
        if (exit != 0 || !report.Contains("Requests/sec", StringComparison.Ordinal))
            throw new InvalidOperationException($"wrk failed ({exit}): {text}{report}");

        long succeeded = 0, failed = 0;
        foreach (Match status in StatusLine().Matches(report))
        {
            var count = long.Parse(status.Groups[2].Value, CultureInfo.InvariantCulture);
            if (status.Groups[1].Value == "202")
                succeeded += count;
            else
                failed += count;
        }
        var errors = SocketErrors().Match(report);
        if (errors.Success)
            failed += errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        var ticks = CpuTicks.FromStatLine(await File.ReadAllTextAsync(output + ".stat"), includeReaped: true);
        File.Delete(output);
        File.Delete(output + ".stat");
        // wrk's own duration, not the process's: its start-up and the summary are not part of the load.
        var seconds = double.Parse(Duration().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var wall = Duration().Match(report).Groups[2].Value switch { "ms" => seconds / 1000, "m" => seconds * 60, _ => seconds };
        return new LoadResult(succeeded, failed, wall > 0 ? TimeSpan.FromSeconds(wall) : elapsed, ticks, P99(report));
    }

    private static double? P99(string report)
    {
        var match = P99Line().Match(report);
        if (!match.Success)
            return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    [GeneratedRegex(@"^status (\d+) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"requests in ([\d.]+)(ms|s|m),")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99Line();
}
