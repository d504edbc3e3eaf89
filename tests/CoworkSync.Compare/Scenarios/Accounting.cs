using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Accounting through FreeRADIUS, CoworkSync against the storage ceiling (a point read of the usage row and its
/// conditional replace). Interim-Update: each bench member's one session reported again, each time with more seconds
/// (the counter of the trial's requests), as access points do; both worlds, for scale. Start/Stop: sessions opened
/// and, 500 requests later, closed.
/// </summary>
public static class Accounting
{
    public static async Task<(Figure SmallApp, Figure LargeApp, Figure SmallCeiling, Figure LargeCeiling)> RunInterimAsync(Bench bench)
    {
        var o = bench.Options;
        Trial Create(string name, World world, bool ceiling) => RadclientTrial.Create(name,
            ceiling ? world.RadiusToCeiling : world.RadiusToApp,
            ceiling ? [world.CeilingCpu, world.AzuriteCpu, world.RadiusToCeilingCpu] : [world.AppCpu, world.AzuriteCpu, world.RadiusToAppCpu],
            "acct", expectAccept: true, o.RadclientParallel, o.WarmUpRequests, o.RunTime,
            (count, offset) => RadiusRequestFiles.Accounting(bench.Scratch, count, 1, i =>
            {
                var member = (offset + i) % o.BenchMembers;
                return (world.BenchLogins[member].Username, "Interim-Update", $"interim-{member}", 60 + offset + i, member);
            }));
        var trials = new[]
        {
            Create($"CoworkSync ({bench.Small.Name})", bench.Small, false), Create($"storage ceiling ({bench.Small.Name})", bench.Small, true),
            Create($"CoworkSync ({bench.Large.Name})", bench.Large, false), Create($"storage ceiling ({bench.Large.Name})", bench.Large, true),
        };
        Console.Error.WriteLine("==> Accounting, Interim-Update");
        var samples = await Interleaved.RunAsync(o.Rounds, trials);
        var figures = trials.Select(t => Figure.Of(samples[t.Name])).ToArray();
        bench.Table.Add(new Row($"Accounting, Interim-Update ({o.BenchMembers} sessions, radclient -p {o.RadclientParallel})",
            Format.Rate(figures[0]), "storage ceiling (read + conditional replace): " + Format.Rate(figures[1]),
            Format.Ratio(figures[0].PerSecond, figures[1].PerSecond), "≥ 0.80", Format.Cpu(figures[0]), Format.Cpu(figures[1])));
        return (figures[0], figures[2], figures[1], figures[3]);
    }

    public static async Task RunStartStopAsync(Bench bench)
    {
        var o = bench.Options;
        var world = bench.Small;
        Trial Create(string name, bool ceiling) => RadclientTrial.Create(name,
            ceiling ? world.RadiusToCeiling : world.RadiusToApp,
            ceiling ? [world.CeilingCpu, world.AzuriteCpu, world.RadiusToCeilingCpu] : [world.AppCpu, world.AzuriteCpu, world.RadiusToAppCpu],
            "acct", expectAccept: true, o.RadclientParallel, o.WarmUpRequests, o.RunTime,
            (count, offset) => RadiusRequestFiles.Accounting(bench.Scratch, count, 1, i =>
            {
                // Blocks of 1,000: 500 Starts, then the same 500 sessions' Stops.
                var n = offset + i;
                var (block, k) = (n / 1000, n % 1000);
                var session = block * 500 + k % 500;
                var member = session % o.BenchMembers;
                return (world.BenchLogins[member].Username, k < 500 ? "Start" : "Stop", $"{name.GetHashCode():x}-s{session}", k < 500 ? 0 : 120, member);
            }));
        var app = Create($"CoworkSync ({world.Name})", false);
        var ceiling = Create($"storage ceiling ({world.Name})", true);
        Console.Error.WriteLine("==> Accounting, Start/Stop");
        var samples = await Interleaved.RunAsync(o.Rounds, app, ceiling);
        var ours = Figure.Of(samples[app.Name]);
        var theirs = Figure.Of(samples[ceiling.Name]);
        bench.Table.Add(new Row($"Accounting, Start then Stop (new sessions of {o.BenchMembers} members)",
            Format.Rate(ours), "storage ceiling (read + conditional replace): " + Format.Rate(theirs),
            Format.Ratio(ours.PerSecond, theirs.PerSecond), "≥ 0.80", Format.Cpu(ours), Format.Cpu(theirs)));
    }
}
