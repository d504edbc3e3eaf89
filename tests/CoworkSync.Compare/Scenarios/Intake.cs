using System.Globalization;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Webhook intake: signed Coworks member.updated webhooks for the bench members (their state unchanged, a new event
/// id each) with wrk, against the intake ceiling (one enqueue to the same Azurite, 202), in both worlds for scale, and
/// with CoworkSync in two shapes:
/// <list type="bullet">
/// <item>as deployed: the HTTP instance (<see cref="HttpInstance"/>), as Flex Consumption runs the webhook function on
/// instances of its own; after each run the harness checks that its queue holds one message per 202 and empties it,
/// as it does the ceiling's (the local-mode runs show the same events applied);</item>
/// <item>in local mode: one process that accepts and applies as it goes, on the same single-threaded Azurite. It
/// accepts far faster than it applies, so its runs are short (<see cref="LocalRunTime"/>) and the harness waits,
/// outside the measurement, until its events queue is empty again; what is still queued after
/// <see cref="DrainTimeout"/> is cleared and reported, so that no later row measures over this row's backlog.</item>
/// </list>
/// </summary>
public static class Intake
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LocalRunTime = TimeSpan.FromSeconds(2);

    public sealed record Figures(Figure SmallDeployed, Figure LargeDeployed, Figure SmallLocal, Figure LargeLocal, Figure SmallCeiling, Figure LargeCeiling);

    private enum Side { Deployed, Local, Ceiling }

    public static async Task<Figures> RunAsync(Bench bench)
    {
        var o = bench.Options;
        var notes = new List<string>();
        Trial Create(string name, World world, Side side) => new(name,
            side switch
            {
                Side.Deployed => [world.HttpInstanceCpu, world.AzuriteCpu],
                Side.Local => [world.AppCpu, world.AzuriteCpu],
                _ => [world.CeilingCpu, world.AzuriteCpu],
            },
            round => Wrk.RunAsync(Url(world, side) + "/api/webhooks/coworks/" + BenchSpace.Bench.ConnectorId,
                bench.Scratch, o.WrkConnections, RunTime(side, round, o),
                BenchSpace.Bench.SpaceId, BenchSpace.Bench.MemberPrefix, o.BenchMembers, BenchSpace.WebhookSecret))
        {
            After = async load =>
            {
                switch (side)
                {
                    case Side.Ceiling:
                        await EventsQueue.ClearAsync(world.Azurite, CeilingApp.QueueName);
                        break;
                    case Side.Deployed:
                        notes.Add("HTTP instance, " + await world.HttpInstance.CheckAndClearAsync(load.Succeeded, o.WrkConnections));
                        break;
                    default:
                        var (waited, drained) = await EventsQueue.WaitUntilEmptyAsync(world.Azurite, DrainTimeout);
                        var left = drained ? 0 : await EventsQueue.CountAsync(world.Azurite, EventsQueue.Name);
                        if (!drained)
                            await EventsQueue.ClearAsync(world.Azurite, EventsQueue.Name);
                        notes.Add(drained
                            ? string.Create(CultureInfo.InvariantCulture, $"local mode, {world.Name}: {load.Succeeded} accepted, applied in {waited.TotalSeconds:0} s")
                            : string.Create(CultureInfo.InvariantCulture, $"local mode, {world.Name}: {load.Succeeded} accepted, {left} NOT applied in {waited.TotalSeconds:0} s (cleared)"));
                        break;
                }
            },
        };
        var trials = new[]
        {
            Create($"CoworkSync HTTP instance ({bench.Small.Name})", bench.Small, Side.Deployed), Create($"intake ceiling ({bench.Small.Name})", bench.Small, Side.Ceiling),
            Create($"CoworkSync HTTP instance ({bench.Large.Name})", bench.Large, Side.Deployed), Create($"intake ceiling ({bench.Large.Name})", bench.Large, Side.Ceiling),
            Create($"CoworkSync local mode ({bench.Small.Name})", bench.Small, Side.Local), Create($"CoworkSync local mode ({bench.Large.Name})", bench.Large, Side.Local),
        };
        Console.Error.WriteLine("==> Webhook intake");
        var samples = await Interleaved.RunAsync(o.Rounds, trials);
        Console.Error.WriteLine("    events accepted by each CoworkSync run: " + string.Join("; ", notes));
        var f = trials.Select(t => Figure.Of(samples[t.Name])).ToArray();
        var figures = new Figures(SmallDeployed: f[0], LargeDeployed: f[2], SmallLocal: f[4], LargeLocal: f[5], SmallCeiling: f[1], LargeCeiling: f[3]);
        var load = $"signed member.updated, unchanged members, wrk -c{o.WrkConnections}";
        bench.Table.Add(new Row($"Webhook intake as deployed: the HTTP instance (processing elsewhere; its queue checked, one message per 202) ({load})",
            Format.Rate(figures.SmallDeployed), "intake ceiling (1 enqueue, 202): " + Format.Rate(figures.SmallCeiling),
            Format.Ratio(figures.SmallDeployed.PerSecond, figures.SmallCeiling.PerSecond), "≥ 0.80",
            Format.Cpu(figures.SmallDeployed), Format.Cpu(figures.SmallCeiling)));
        bench.Table.Add(new Row($"Webhook intake in local mode: one process accepts and applies, on the same Azurite ({load}, {LocalRunTime.TotalSeconds:0} s runs)",
            Format.Rate(figures.SmallLocal), "intake ceiling (1 enqueue, 202): " + Format.Rate(figures.SmallCeiling),
            Format.Ratio(figures.SmallLocal.PerSecond, figures.SmallCeiling.PerSecond), "(local mode)",
            Format.Cpu(figures.SmallLocal), Format.Cpu(figures.SmallCeiling)));
        return figures;
    }

    private static TimeSpan RunTime(Side side, int round, CompareOptions o) => side switch
    {
        Side.Local => round == 0 ? TimeSpan.FromSeconds(1) : LocalRunTime,
        _ => round == 0 ? TimeSpan.FromSeconds(2) : o.RunTime,
    };

    private static string Url(World world, Side side) => side switch
    {
        Side.Deployed => world.HttpInstance.App.Url,
        Side.Local => world.App.Url,
        _ => world.Ceiling.Url,
    };
}
