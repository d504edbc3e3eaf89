using System.Diagnostics;
using CoworkSync.Compare.Processes;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Scenarios;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare;

/// <summary>
/// The whole comparison, in order: start everything, seed, then every comparison (interleaved where two sides run at
/// the same rate), then the storage-operation counts (which restart CoworkSync behind the counting proxy), and print
/// the table. Everything it started is stopped at the end, or when interrupted.
/// </summary>
public sealed class CompareRun(CompareOptions options)
{
    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        if (Directory.Exists(options.WorkFolder))
            Directory.Delete(options.WorkFolder, recursive: true);
        Directory.CreateDirectory(options.WorkFolder);
        Started.RecordPidsIn(Path.Combine(options.WorkFolder, "pids"));
        try
        {
            var bench = await StartAsync();
            Step(clock, "started");
            await SeedAsync(bench);
            Step(clock, "seeded");

            var repeated = await AuthorizeRepeated.RunAsync(bench);
            var notSeen = await AuthorizeNotSeen.RunAsync(bench);
            var interim = await Accounting.RunInterimAsync(bench);
            await Accounting.RunStartStopAsync(bench);
            var intake = await Intake.RunAsync(bench);
            Scale.AddRows(bench, "authorize, repeated rounds", repeated.Small, repeated.Large, ceiling: false);
            Scale.AddRows(bench, "accounting, Interim-Update", interim.SmallApp, interim.LargeApp, ceiling: false);
            Scale.AddRows(bench, "webhook intake, HTTP instance", intake.SmallDeployed, intake.LargeDeployed, ceiling: false);
            Scale.AddRows(bench, "webhook intake, local mode", intake.SmallLocal, intake.LargeLocal, ceiling: false);
            Scale.AddRows(bench, "authorize, 2 point reads", notSeen.SmallCeiling, notSeen.LargeCeiling, ceiling: true);
            Scale.AddRows(bench, "accounting, read + conditional replace", interim.SmallCeiling, interim.LargeCeiling, ceiling: true);
            Scale.AddRows(bench, "intake, 1 enqueue", intake.SmallCeiling, intake.LargeCeiling, ceiling: true);
            Step(clock, "throughput compared");

            await WebhookLatency.RunAsync(bench);
            var sweep = await ConcurrencySweep.RunAsync(bench, new Dictionary<string, double>
            {
                ["CoworkSync"] = repeated.Small.PerSecond,
                ["storage ceiling"] = notSeen.SmallCeiling.PerSecond,
                ["zero-work ceiling"] = repeated.Small.PerSecond * 10,
            });
            await Plot.DrawAsync(sweep, options.PlotFile, "Authorize through FreeRADIUS (PAP, repeated rounds), " + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await ColdStart.RunAsync(bench);
            Step(clock, "latency, sweep and cold start measured");

            var storage = new StorageOps();
            var syncWrites = await storage.RunAsync(bench);
            bench.Table.Add(new Row($"Sync of {options.Label(options.SyncUnchangedMembers)} unchanged members",
                bench.UnchangedSync is { } unchangedSync ? $"{Format.Seconds(unchangedSync.TotalSeconds)}, {syncWrites} writes to Members/Accounts" : "not reached (an earlier sync did not end in time)",
                "", "", "≤ 10 s, 0 writes", "", ""));
            Step(clock, "storage operations counted");

            var table = bench.Table.ToMarkdown();
            var operations = storage.ToMarkdown();
            var report = Path.Combine(options.WorkFolder, "compare.md");
            await File.WriteAllTextAsync(report, table + Environment.NewLine + operations);
            Console.WriteLine();
            Console.WriteLine(table);
            Console.WriteLine(operations);
            Console.WriteLine($"CPU: percent of one core (the machine has {Environment.ProcessorCount}), median over the rounds; load = the load generator (radclient or wrk).");
            Console.WriteLine($"Written to {report}; plot: {options.PlotFile}. The comparison took {clock.Elapsed.TotalMinutes:0.0} min.");
            return 0;
        }
        finally
        {
            Started.StopAll();
        }
    }

    private static void Step(Stopwatch clock, string what) => Console.Error.WriteLine($"--- {what} after {clock.Elapsed.TotalSeconds:0} s");

    private async Task<Bench> StartAsync()
    {
        var cycleKey = BenchMembers.CycleKey(DateTimeOffset.UtcNow);
        Console.Error.WriteLine("==> Starting Azurite, CoworkSync, the ceilings, FreeRADIUS (×5), nginx and the Coworks simulator");
        var coworks = CoworksSpace.StartAsync(options.SimulatorsDll, options.WorkFolder, SyncFigures.Spaces(options, options.SyncFirstMembers));
        var nginx = await Nginx.StartAsync(Path.Combine(options.WorkFolder, "nginx"), CeilingApp.Password);
        var radiusToNginx = await FreeRadius.StartAsync("FreeRADIUS → nginx", options.RepoRoot, Path.Combine(options.WorkFolder, "radius-nginx"), nginx.Url, "unused");
        var small = await World.StartAsync("1k", options, cycleKey);
        var large = await World.StartAsync(options.Label(options.LargeRows), options, cycleKey);
        return new Bench(options, small, large, nginx, radiusToNginx, await coworks, new Table(Path.Combine(options.WorkFolder, "compare-so-far.md")), cycleKey);
    }

    private async Task SeedAsync(Bench bench)
    {
        Console.Error.WriteLine($"==> Seeding: {options.BenchMembers} bench members synced into each world, their welcome emails");
        await Task.WhenAll(bench.Small.SeedBenchAsync(bench.Coworks, options), bench.Large.SeedBenchAsync(bench.Coworks, options));
        bench.UnchangedSync = await SyncFigures.RunAsync(bench);
        var filler = options.LargeRows - options.BenchMembers - options.SyncUnchangedMembers;
        Console.Error.WriteLine($"==> Filling the large world: {filler} members and accounts, {options.LargeRows} processed events (direct batched writes, {FillerRows.PerConnector} to a filler connector)");
        var clock = Stopwatch.StartNew();
        await FillerRows.WriteAsync(bench.Large.Azurite.ConnectionString, "f", filler, options.LargeRows);
        Console.Error.WriteLine($"    written in {clock.Elapsed.TotalSeconds:0} s");
    }
}
