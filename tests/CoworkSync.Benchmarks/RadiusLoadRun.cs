using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.Benchmarks;

/// <summary>
/// Drives RADIUS authorize and accounting over HTTP against the real app on a loopback socket, backed by a real
/// Azurite, the way FreeRADIUS's connection pool would, and prints throughput and latency percentiles. The load
/// generator shares the machine (and the process) with the app and Azurite: the figures are a floor, not a ceiling.
/// </summary>
internal static class RadiusLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine("radius-load [--members N (200)] [--requests N (20000)] [--concurrency N (32)]");
            return 0;
        }
        var members = Option(args, "--members", 200);
        var requests = Option(args, "--requests", 20_000);
        var concurrency = Option(args, "--concurrency", 32);

        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var world = new RadiusWorld(maxSessionTimeoutSeconds: 3600, onLoopback: true, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await world.InitializeAsync();
        try
        {
            Console.WriteLine($"Provisioning {members} members on Azurite ...");
            var plans = new[] { "Flex", "Full-time", "Dedicated" };
            var usernames = new List<string>(members);
            for (var i = 0; i < members; i++)
                usernames.Add((await world.MemberAsync(plans[i % plans.Length])).Username);

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = world.BaseUrl };
            var authorize = $"/api/radius/authorize?code={LocalFunctionApp.FunctionKey}";
            var accounting = $"/api/radius/accounting?code={LocalFunctionApp.FunctionKey}";

            await RunPhaseAsync("warm-up", client, Math.Min(1000, requests), concurrency, i =>
                (authorize, RlmRestBodies.AccessRequest(usernames[i % usernames.Count]), HttpStatusCode.OK), print: false);
            await RunPhaseAsync("authorize", client, requests, concurrency, i =>
                (authorize, RlmRestBodies.AccessRequest(usernames[i % usernames.Count]), HttpStatusCode.OK));
            await RunPhaseAsync("accounting (Interim-Update)", client, requests, concurrency, i =>
                (accounting, RlmRestBodies.InterimUpdate(usernames[i % usernames.Count], $"s{i % (usernames.Count * 2)}", 60 + (i / usernames.Count)), HttpStatusCode.NoContent));
            return 0;
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    private static async Task RunPhaseAsync(string name, HttpClient client, int count, int concurrency, Func<int, (string Path, string Body, HttpStatusCode Expected)> request, bool print = true)
    {
        var latencies = new double[count];
        var unexpected = 0;
        var next = -1;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var (path, body, expected) = request(i);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                await response.Content.LoadIntoBufferAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != expected)
                    Interlocked.Increment(ref unexpected);
            }
        }));
        wall.Stop();
        if (!print)
            return;

        Array.Sort(latencies);
        Console.WriteLine();
        Console.WriteLine($"{name}: {count} requests, {concurrency} at a time, {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  throughput  {count / wall.Elapsed.TotalSeconds,10:F0} requests/s");
        Console.WriteLine($"  latency ms  p50 {Percentile(latencies, 0.50):F2}  p90 {Percentile(latencies, 0.90):F2}  p99 {Percentile(latencies, 0.99):F2}  max {latencies[^1]:F2}");
        Console.WriteLine($"  allocated   {(GC.GetTotalAllocatedBytes() - allocated) / (double)count / 1024:F1} KiB per request (app and load generator together)");
        Console.WriteLine($"  GCs         gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}");
        Console.WriteLine($"  unexpected  {unexpected} answers other than the expected status");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
