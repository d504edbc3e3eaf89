using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Syncs from the Coworks simulator into the large world (before its filler rows): a first sync of new members, then
/// the space grown to more members and synced (the new ones come in), then a sync that finds them all unchanged. Times
/// are CoworkSync's own, from the run's queuing to its end. The unchanged sync's writes are counted later, through the
/// counting proxy (<see cref="StorageOps"/>).
/// </summary>
public static class SyncFigures
{
    /// <returns>The unchanged sync's time; null when a sync did not end in time (its row says so, and the later syncs are left out).</returns>
    public static async Task<TimeSpan?> RunAsync(Bench bench)
    {
        var o = bench.Options;
        var admin = bench.Large.Admin;
        Console.Error.WriteLine("==> Syncs");
        await BenchConnector.ConnectAsync(admin, BenchSpace.Sync, bench.Coworks.Url);
        var firstName = $"Sync, first sync of {o.Label(o.SyncFirstMembers)} new members (Coworks simulator, no welcome emails)";
        var cpu = CpuShare.Start(bench.Large.AppCpu, bench.Large.AzuriteCpu);
        if (await TryRunAsync(bench, firstName) is not { } first)
            return null;
        var firstCpu = CpuShare.Format(cpu.Stop());
        Console.Error.WriteLine($"    first sync: {first.Describe()}");
        bench.Table.Add(new Row(firstName, Format.Seconds(first.Duration.TotalSeconds) + $" ({first.State}, {first.Created} created)", "", "", "≤ 15 s", firstCpu, ""));

        await bench.Coworks.RestartAsync(Spaces(o, o.SyncUnchangedMembers));
        if (await TryRunAsync(bench, $"Sync of the space grown to {o.Label(o.SyncUnchangedMembers)} members") is not { } grown)
            return null;
        Console.Error.WriteLine($"    sync of the grown space: {grown.Describe()}");
        if (await TryRunAsync(bench, $"Sync of {o.Label(o.SyncUnchangedMembers)} unchanged members") is not { } unchanged)
            return null;
        Console.Error.WriteLine($"    unchanged sync: {unchanged.Describe()}");
        if (unchanged.Unchanged != o.SyncUnchangedMembers)
            Console.Error.WriteLine($"    note: the unchanged sync did not find all {o.SyncUnchangedMembers} members unchanged");
        return unchanged.Duration;
    }

    /// <summary>One sync; a sync that does not end within the bound is a row of the table, not the end of the run.</summary>
    private static async Task<SyncResult?> TryRunAsync(Bench bench, string name)
    {
        try
        {
            return await SyncRun.RunAsync(bench.Large.Admin, BenchSpace.Sync.ConnectorId, bench.Options.SyncTimeout);
        }
        catch (TimeoutException e)
        {
            Console.Error.WriteLine($"    {name}: {e.Message} The later syncs are left out.");
            bench.Table.Add(new Row(name, $"did not end within {bench.Options.SyncTimeout.TotalSeconds:0} s", "", "", "", "", ""));
            return null;
        }
    }

    /// <summary>The simulator's spaces: the bench members, and the sync members in the number given.</summary>
    public static IReadOnlyDictionary<string, (string, int)> Spaces(CompareOptions options, int syncMembers) => new Dictionary<string, (string, int)>
    {
        [BenchSpace.Bench.SpaceId] = (BenchSpace.Bench.MemberPrefix, options.BenchMembers),
        [BenchSpace.Sync.SpaceId] = (BenchSpace.Sync.MemberPrefix, syncMembers),
    };
}
