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
    public static async Task<TimeSpan> RunAsync(Bench bench)
    {
        var o = bench.Options;
        var admin = bench.Large.Admin;
        Console.Error.WriteLine("==> Syncs");
        await BenchConnector.ConnectAsync(admin, BenchSpace.Sync, bench.Coworks.Url);
        var first = await SyncRun.RunAsync(admin, BenchSpace.Sync.ConnectorId, o.SyncTimeout);
        Console.Error.WriteLine($"    first sync: {first.Describe()}");
        bench.Table.Add(new Row($"Sync, first sync of {o.Label(o.SyncFirstMembers)} new members (Coworks simulator, no welcome emails)",
            Format.Seconds(first.Duration.TotalSeconds) + $" ({first.State}, {first.Created} created)", "", "", "≤ 15 s", "", ""));

        await bench.Coworks.RestartAsync(Spaces(o, o.SyncUnchangedMembers));
        var grown = await SyncRun.RunAsync(admin, BenchSpace.Sync.ConnectorId, o.SyncTimeout);
        Console.Error.WriteLine($"    sync of the grown space: {grown.Describe()}");
        var unchanged = await SyncRun.RunAsync(admin, BenchSpace.Sync.ConnectorId, o.SyncTimeout);
        Console.Error.WriteLine($"    unchanged sync: {unchanged.Describe()}");
        if (unchanged.Unchanged != o.SyncUnchangedMembers)
            Console.Error.WriteLine($"    note: the unchanged sync did not find all {o.SyncUnchangedMembers} members unchanged");
        return unchanged.Duration;
    }

    /// <summary>The simulator's spaces: the bench members, and the sync members in the number given.</summary>
    public static IReadOnlyDictionary<string, (string, int)> Spaces(CompareOptions options, int syncMembers) => new Dictionary<string, (string, int)>
    {
        [BenchSpace.Bench.SpaceId] = (BenchSpace.Bench.MemberPrefix, options.BenchMembers),
        [BenchSpace.Sync.SpaceId] = (BenchSpace.Sync.MemberPrefix, syncMembers),
    };
}
