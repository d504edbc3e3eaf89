using System.Diagnostics;
using System.Net;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Webhook → account enabled, in local mode: new members' member.created webhooks, one at a time (p50, p99), each
/// observed as an operator would, through the admin API (GET the member every 5 ms until its account is enabled); then
/// a burst sent all at once, three times, each followed by <see cref="BurstStorageCeiling"/>, the same storage
/// operations made by a bare client. Runs in the small world.
/// </summary>
/// <remarks>
/// The burst is timed twice: until every member's account is enabled (<see cref="EnabledAccounts"/>, one query of the
/// Accounts table every 50 ms: what the goal names), and until the events queue is empty (a member's event leaves the
/// queue only once applied, after it has enqueued its welcome email's event, so an empty queue means every member's
/// account and welcome email are done). Then every member is checked enabled through the admin API, outside the time
/// (a member found not enabled is waited for and the time taken then). Watching the burst through the admin API instead
/// (one poller, a GET every 5 ms) cost, by estimate, 1,000 to 1,600 storage reads of the same Azurite beside the 3,600
/// operations it timed: the watching slowed what it watched. The queue's count is asked of Azurite's queue service, a
/// process of its own.
/// </remarks>
public static class WebhookLatency
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string[] BurstPrefixes = ["u", "v", "w"];

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.Small;
        var o = bench.Options;
        Console.Error.WriteLine("==> Webhook → account enabled");
        var latencies = new List<double>();
        for (var i = 0; i < o.LatencySamples; i++)
        {
            var clock = Stopwatch.StartNew();
            await SendAsync(world, "l", i);
            await WaitEnabledAsync(world, "l", i);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        bench.Table.Add(new Row($"Webhook → account enabled, one at a time ({o.LatencySamples} new members, local mode)",
            $"p50 {Format.Milliseconds(Figure.Percentile(latencies, 50))}, p99 {Format.Milliseconds(Figure.Percentile(latencies, 99))}",
            "", "", "p99 ≤ 100 ms", "", ""));

        var bursts = new List<double>();
        var ceilings = new List<double>();
        var enabled = new List<double>();
        var accountCeilings = new List<double>();
        var sent = new List<double>();
        var appCpu = new List<IReadOnlyDictionary<string, double>>();
        var ceilingCpu = new List<IReadOnlyDictionary<string, double>>();
        foreach (var prefix in BurstPrefixes)
        {
            var app = CpuShare.Start(world.AppCpu, world.AzuriteCpu);
            var burst = Stopwatch.StartNew();
            var allEnabled = EnabledAccounts.WaitForAsync(world.Azurite, prefix, o.BurstSize, burst, Limit, CancellationToken.None);
            await Parallel.ForEachAsync(Enumerable.Range(0, o.BurstSize), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (i, _) => await SendAsync(world, prefix, i));
            sent.Add(burst.Elapsed.TotalSeconds);
            await WaitUntilAppliedAsync(world);
            var applied = burst.Elapsed.TotalSeconds;
            appCpu.Add(app.Stop());
            enabled.Add((await allEnabled).TotalSeconds);
            bursts.Add(await AllEnabledAsync(world, prefix, o.BurstSize) ? applied : burst.Elapsed.TotalSeconds);

            var storageOnly = new BurstStorageCeiling(world.Azurite, BenchSpace.Bench.ConnectorId);
            var ceiling = CpuShare.Start(CpuShare.Harness, world.AzuriteCpu);
            var (accountsWritten, allApplied) = await storageOnly.RunAsync(o.BurstSize);
            accountCeilings.Add(accountsWritten.TotalSeconds);
            ceilings.Add(allApplied.TotalSeconds);
            ceilingCpu.Add(ceiling.Stop());
            await storageOnly.CleanUpAsync();
        }
        var (enabledTime, accountsCeiling) = (Figure.Percentile(enabled, 50), Figure.Percentile(accountCeilings, 50));
        bench.Table.Add(new Row($"Burst of {o.BurstSize} webhooks → every account enabled (new members, sent at once; seen by a query every {EnabledAccounts.Poll.TotalMilliseconds:0} ms; median of {enabled.Count}: {string.Join(", ", enabled.Select(Format.Seconds))}; all accepted after {string.Join(", ", sent.Select(Format.Seconds))})",
            Format.Seconds(enabledTime),
            $"the same storage operations by a bare client, to its last account written ({string.Join(", ", accountCeilings.Select(Format.Seconds))}): {Format.Seconds(accountsCeiling)}",
            Format.Ratio(accountsCeiling, enabledTime), "≤ 2 s", CpuShare.Median(appCpu), CpuShare.Median(ceilingCpu)));
        var (appTime, ceilingTime) = (Figure.Percentile(bursts, 50), Figure.Percentile(ceilings, 50));
        bench.Table.Add(new Row($"Burst of {o.BurstSize} webhooks → every event and welcome email applied (median of {bursts.Count}: {string.Join(", ", bursts.Select(Format.Seconds))})",
            Format.Seconds(appTime),
            $"the same storage operations by a bare client on the same Azurite ({string.Join(", ", ceilings.Select(Format.Seconds))}): {Format.Seconds(ceilingTime)}",
            Format.Ratio(ceilingTime, appTime), "(the whole burst)", CpuShare.Median(appCpu), CpuShare.Median(ceilingCpu)));
    }

    private static async Task SendAsync(World world, string prefix, int index)
    {
        using var request = CoworksWebhook.Request(BenchSpace.Bench.ConnectorId, BenchSpace.Bench.SpaceId, "member.created",
            $"evt_{prefix}_{Guid.NewGuid():N}", prefix, index, BenchSpace.WebhookSecret);
        using var response = await world.Admin.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to a webhook: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitUntilAppliedAsync(World world)
    {
        var (_, drained) = await Services.EventsQueue.WaitUntilEmptyAsync(world.Azurite, Limit, poll: QueuePoll);
        if (!drained)
            throw new TimeoutException($"The burst's events were not all applied within {Limit.TotalSeconds:0} s.");
    }

    /// <summary>True when every member of the burst is enabled at the first look; otherwise waits until each is.</summary>
    private static async Task<bool> AllEnabledAsync(World world, string prefix, int count)
    {
        var all = true;
        for (var i = 0; i < count; i++)
        {
            if (Services.AdminApi.IsEnabled(await world.Admin.MemberAsync(BenchSpace.Bench.ConnectorId, BenchMembers.Id(prefix, i))))
                continue;
            all = false;
            await WaitEnabledAsync(world, prefix, i);
        }
        return all;
    }

    private static async Task WaitEnabledAsync(World world, string prefix, int index)
    {
        var clock = Stopwatch.StartNew();
        while (!Services.AdminApi.IsEnabled(await world.Admin.MemberAsync(BenchSpace.Bench.ConnectorId, BenchMembers.Id(prefix, index))))
        {
            if (clock.Elapsed > Limit)
                throw new TimeoutException($"Member {BenchMembers.Id(prefix, index)} was not enabled within {Limit.TotalSeconds:0} s of its webhook.");
            await Task.Delay(Poll);
        }
    }
}
