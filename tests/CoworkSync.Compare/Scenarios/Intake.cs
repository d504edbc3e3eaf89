using System.Globalization;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Webhook intake: signed Coworks member.updated webhooks for the bench members (their state unchanged, a new event
/// id each) with wrk, against the intake ceiling (one enqueue to the same Azurite, 202). CoworkSync processes what it
/// accepted as it goes, as it would; after each of its runs the harness waits, outside the measurement, until the
/// events queue is empty again. Both worlds, for scale.
/// </summary>
public static class Intake
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(90);

    public static async Task<(Figure SmallApp, Figure LargeApp, Figure SmallCeiling, Figure LargeCeiling)> RunAsync(Bench bench)
    {
        var o = bench.Options;
        var notes = new List<string>();
        Trial Create(string name, World world, bool ceiling) => new(name,
            ceiling ? [world.CeilingCpu, world.AzuriteCpu] : [world.AppCpu, world.AzuriteCpu],
            round => Wrk.RunAsync((ceiling ? world.Ceiling.Url : world.App.Url) + "/api/webhooks/coworks/" + BenchSpace.Bench.ConnectorId,
                bench.Scratch, o.WrkConnections, round == 0 ? TimeSpan.FromSeconds(2) : o.RunTime,
                BenchSpace.Bench.SpaceId, BenchSpace.Bench.MemberPrefix, o.BenchMembers, BenchSpace.WebhookSecret))
        {
            After = async () =>
            {
                if (ceiling)
                {
                    await EventsQueue.ClearAsync(world.Azurite, CeilingApp.QueueName);
                    return;
                }
                var (waited, drained) = await EventsQueue.WaitUntilEmptyAsync(world.Azurite, DrainTimeout);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{world.Name}: {(drained ? "processed" : "NOT processed")} in {waited.TotalSeconds:0} s"));
            },
        };
        var trials = new[]
        {
            Create($"CoworkSync ({bench.Small.Name})", bench.Small, false), Create($"intake ceiling ({bench.Small.Name})", bench.Small, true),
            Create($"CoworkSync ({bench.Large.Name})", bench.Large, false), Create($"intake ceiling ({bench.Large.Name})", bench.Large, true),
        };
        Console.Error.WriteLine("==> Webhook intake");
        var samples = await Interleaved.RunAsync(o.Rounds, trials);
        Console.Error.WriteLine("    events queued by each CoworkSync run: " + string.Join("; ", notes));
        var figures = trials.Select(t => Figure.Of(samples[t.Name])).ToArray();
        bench.Table.Add(new Row($"Webhook intake (signed member.updated, unchanged members, wrk -c{o.WrkConnections})",
            Format.Rate(figures[0]), "intake ceiling (1 enqueue, 202): " + Format.Rate(figures[1]),
            Format.Ratio(figures[0].PerSecond, figures[1].PerSecond), "≥ 0.80", Format.Cpu(figures[0]), Format.Cpu(figures[1])));
        return (figures[0], figures[2], figures[1], figures[3]);
    }
}
