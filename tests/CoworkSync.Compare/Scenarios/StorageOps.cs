using System.Globalization;
using System.Net;
using System.Text;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Processes;
using CoworkSync.Compare.Proxy;
using CoworkSync.Compare.Seed;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Storage operations per request on each path, counted by a proxy between CoworkSync and Azurite (CoworkSync
/// restarted with its storage endpoints pointed at it): a batch of each kind of request, and what it cost divided by
/// the batch. The local queue's polling runs meanwhile (one receive a second when idle) and is counted too. Each batch's
/// count ends <see cref="WritesBehind"/> after its last answer, so what the path writes behind (usage and the NAS
/// index, flushed every 5 s) is counted with it, not with the next path.
/// </summary>
public sealed class StorageOps
{
    private static readonly TimeSpan WritesBehind = TimeSpan.FromSeconds(6);

    private readonly List<(string Path, int Requests, IReadOnlyDictionary<(string Resource, string Kind, bool IsWrite), long> Counts)> _paths = [];

    public async Task<long> RunAsync(Bench bench)
    {
        Console.Error.WriteLine("==> Storage operations per path (through the counting proxy)");
        var small = bench.Small;
        await using (var proxy = await CountingProxy.StartAsync(small.Azurite.TablePort, small.Azurite.QueuePort, Ports.FreeTcp(), Ports.FreeTcp()))
        {
            await small.App.RestartAsync(small.Azurite.ConnectionStringFor(proxy.QueuePort, proxy.TablePort));
            const int n = 1000;
            var logins = small.BenchLogins;
            await CountAsync(proxy, "Authorize, repeated rounds", n, async () => await Radclient.RunAsync(small.RadiusToApp, "auth",
                RadiusRequestFiles.Authorize(bench.Scratch, n, 1, i => logins[i % bench.Options.RepeatedMembers]), 50, true, TimeSpan.FromMinutes(2)));
            await CountAsync(proxy, "Authorize, each request another member", n, async () => await Radclient.RunAsync(small.RadiusToApp, "auth",
                RadiusRequestFiles.Authorize(bench.Scratch, n, 1, i => logins[(i * 7) % logins.Count]), 50, true, TimeSpan.FromMinutes(2)));
            await CountAsync(proxy, "Accounting, Interim-Update", n, async () => await Radclient.RunAsync(small.RadiusToApp, "acct",
                RadiusRequestFiles.Accounting(bench.Scratch, n, 1, i => (logins[i % logins.Count].Username, "Interim-Update", $"interim-{i % logins.Count}", 1_000_000 + i, i % logins.Count)),
                50, true, TimeSpan.FromMinutes(2)));
            await CountAsync(proxy, "Accounting, Start then Stop", n, async () => await Radclient.RunAsync(small.RadiusToApp, "acct",
                RadiusRequestFiles.Accounting(bench.Scratch, n, 1, i => (logins[(i % 500) * 2 % logins.Count].Username, i < 500 ? "Start" : "Stop", $"ops-{i % 500}", i < 500 ? 0 : 60, i % 500)),
                50, true, TimeSpan.FromMinutes(2)));
            await CountAsync(proxy, "Webhook (unchanged member), intake and processing", 200, async () =>
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                {
                    using var request = CoworksWebhook.Request(BenchSpace.Bench.ConnectorId, BenchSpace.Bench.SpaceId, "member.updated",
                        $"evt_ops_{Guid.NewGuid():N}", BenchSpace.Bench.MemberPrefix, i, BenchSpace.WebhookSecret);
                    using var response = await small.Admin.Http.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.Accepted)
                        throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to a webhook.");
                });
                await Services.EventsQueue.WaitUntilEmptyAsync(small.Azurite, TimeSpan.FromSeconds(120));
                await Task.Delay(1500);
                return null;
            });
        }

        if (bench.UnchangedSync is null)
            return 0; // The syncs did not end in time: the table says so, and a sync through the proxy would not either.
        var large = bench.Large;
        long syncWrites;
        await using (var proxy = await CountingProxy.StartAsync(large.Azurite.TablePort, large.Azurite.QueuePort, Ports.FreeTcp(), Ports.FreeTcp()))
        {
            await large.App.RestartAsync(large.Azurite.ConnectionStringFor(proxy.QueuePort, proxy.TablePort));
            var members = bench.Options.SyncUnchangedMembers;
            var counts = await CountAsync(proxy, $"Sync of {bench.Options.Label(members)} unchanged members (per member)", members, async () =>
            {
                var sync = await SyncRun.RunAsync(large.Admin, BenchSpace.Sync.ConnectorId, bench.Options.SyncTimeout);
                Console.Error.WriteLine($"    sync through the proxy: {sync.Describe()}");
                return null;
            });
            syncWrites = counts.Where(c => c.Key.IsWrite && c.Key.Resource is "Members" or "Accounts").Sum(c => c.Value);
        }
        return syncWrites;
    }

    /// <summary>The per-path table: operations per request by table or queue and kind, writes per request.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| path | storage operations per request (through the counting proxy) | writes per request |");
        text.AppendLine("|---|---|---:|");
        foreach (var (path, requests, counts) in _paths)
        {
            var operations = string.Join(" · ", counts.OrderBy(c => c.Key.IsWrite).ThenByDescending(c => c.Value)
                .Select(c => $"{c.Key.Resource} {c.Key.Kind} {PerRequest(c.Value, requests)}"));
            text.AppendLine($"| {path} | {operations} | {PerRequest(counts.Where(c => c.Key.IsWrite).Sum(c => c.Value), requests)} |");
        }
        return text.ToString();
    }

    private static string PerRequest(long count, int requests) =>
        (double)count / requests is var value && value < 0.005 ? "<0.01" : value.ToString("0.##", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyDictionary<(string Resource, string Kind, bool IsWrite), long>> CountAsync(
        CountingProxy proxy, string path, int requests, Func<Task<LoadResult?>> run)
    {
        var before = proxy.Snapshot();
        var result = await run();
        await Task.Delay(WritesBehind);
        if (result is { Failed: > 0 })
            Console.Error.WriteLine($"    {path}: {result.Failed} of {result.Succeeded + result.Failed} requests failed");
        var after = proxy.Snapshot();
        var counts = after.ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key)).Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value);
        _paths.Add((path, requests, counts));
        return counts;
    }
}
