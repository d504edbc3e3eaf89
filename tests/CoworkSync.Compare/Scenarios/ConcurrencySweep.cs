using System.Globalization;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Authorize throughput against concurrency (radclient -p N) for CoworkSync and both ceilings, repeated rounds of the
/// bench members in the small world: at each concurrency the three run one after the other, each sized from its last
/// rate to last about the sweep's run time. Written as a data file for the plot.
/// </summary>
public static class ConcurrencySweep
{
    /// <summary>How the data file marks a point that was not measured (the plot's <c>set datafile missing</c>).</summary>
    public const string Missing = "-";

    public static async Task<string> RunAsync(Bench bench, IReadOnlyDictionary<string, double> startRates)
    {
        var o = bench.Options;
        var world = bench.Small;
        var backends = new (string Name, FreeRadius Radius, bool RealPasswords)[]
        {
            ("CoworkSync", world.RadiusToApp, true),
            ("storage ceiling", world.RadiusToCeiling, false),
            ("zero-work ceiling", bench.RadiusToNginx, false),
        };
        var rates = backends.ToDictionary(b => b.Name, b => startRates.GetValueOrDefault(b.Name, 500) / o.RadclientParallel);
        var previous = 1;
        var lines = new List<string> { "concurrency\t" + string.Join('\t', backends.Select(b => $"\"{b.Name}\"")) };
        Console.Error.WriteLine("==> Authorize throughput against concurrency");
        foreach (var parallel in o.SweepConcurrencies)
        {
            var row = new List<string> { parallel.ToString(CultureInfo.InvariantCulture) };
            foreach (var (name, radius, real) in backends)
            {
                var estimate = rates[name] * parallel / previous;
                var count = (int)Math.Clamp(estimate * o.SweepRunTime.TotalSeconds, 200, 400_000);
                var files = RadiusRequestFiles.Authorize(bench.Scratch, count, 1, i =>
                {
                    var login = world.BenchLogins[i % o.RepeatedMembers];
                    return real ? login : (login.Username, CeilingApp.Password);
                });
                LoadResult result;
                try
                {
                    result = await Radclient.RunAsync(radius, "auth", files, parallel, expectAccept: true, TimeSpan.FromMinutes(3));
                }
                catch (TimeoutException e)
                {
                    // A run sized from the last rate can outlast its bound when the shared machine slows suddenly: the
                    // point is left out of the plot (gnuplot's missing value) rather than ending the whole comparison.
                    row.Add(Missing);
                    Console.Error.WriteLine($"    -p {parallel} {name}: left out ({e.Message})");
                    continue;
                }
                finally
                {
                    foreach (var file in files)
                        File.Delete(file);
                }
                rates[name] = result.PerSecond;
                row.Add(result.PerSecond.ToString("0", CultureInfo.InvariantCulture));
                Console.Error.WriteLine($"    -p {parallel} {name}: {result.PerSecond:0}/s{(result.Failed > 0 ? $" ({result.Failed} failed)" : "")}");
            }
            lines.Add(string.Join('\t', row));
            previous = parallel;
        }
        var data = Path.Combine(o.WorkFolder, "authorize-concurrency.tsv");
        await File.WriteAllLinesAsync(data, lines);
        return data;
    }
}
