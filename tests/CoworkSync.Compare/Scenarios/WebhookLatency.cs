using System.Diagnostics;
using System.Net;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Webhook → account enabled, in local mode, observed as an operator would, through the admin API (GET the member every
/// 5 ms until its account is enabled): new members' member.created webhooks, one at a time (p50, p99), then a burst
/// sent all at once (time until the last is enabled), three times, each followed by <see cref="BurstStorageCeiling"/>, the
/// same storage operations made by a bare client. Runs in the small world.
/// </summary>
/// <remarks>
/// The burst is watched by one poller walking the members in the order they were sent, one GET at a time: the events
/// are applied about in that order, so it stays close behind the processing. Each GET is storage reads on the same
/// Azurite, so more pollers (eight, every 5 ms, before) took the processing's share of it and slowed what they timed.
/// </remarks>
public static class WebhookLatency
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
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
        var sent = new List<double>();
        foreach (var prefix in BurstPrefixes)
        {
            var burst = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, o.BurstSize), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (i, _) => await SendAsync(world, prefix, i));
            sent.Add(burst.Elapsed.TotalSeconds);
            for (var i = 0; i < o.BurstSize; i++)
                await WaitEnabledAsync(world, prefix, i);
            bursts.Add(burst.Elapsed.TotalSeconds);
            await Services.EventsQueue.WaitUntilEmptyAsync(world.Azurite, TimeSpan.FromSeconds(60)); // the welcome emails' events
            ceilings.Add((await new BurstStorageCeiling(world.Azurite, BenchSpace.Bench.ConnectorId).RunAsync(o.BurstSize)).TotalSeconds);
        }
        var (app, ceiling) = (Figure.Percentile(bursts, 50), Figure.Percentile(ceilings, 50));
        bench.Table.Add(new Row($"Burst of {o.BurstSize} webhooks → all enabled (new members, sent at once; median of {bursts.Count}: {string.Join(", ", bursts.Select(Format.Seconds))}; all accepted after {string.Join(", ", sent.Select(Format.Seconds))})",
            Format.Seconds(app),
            $"the same storage operations by a bare client on the same Azurite ({string.Join(", ", ceilings.Select(Format.Seconds))}): {Format.Seconds(ceiling)}",
            Format.Ratio(ceiling, app), "≤ 2 s", "", ""));
    }

    private static async Task SendAsync(World world, string prefix, int index)
    {
        using var request = CoworksWebhook.Request(BenchSpace.Bench.ConnectorId, BenchSpace.Bench.SpaceId, "member.created",
            $"evt_{prefix}_{Guid.NewGuid():N}", prefix, index, BenchSpace.WebhookSecret);
        using var response = await world.Admin.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to a webhook: {await response.Content.ReadAsStringAsync()}");
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
