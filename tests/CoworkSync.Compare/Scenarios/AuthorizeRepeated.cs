using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Authorize, repeated rounds: the same members re-authorizing (PEAP's inner rounds, re-authentications, many devices),
/// PAP through FreeRADIUS with their real passwords, radclient -p 50. CoworkSync against the zero-work ceiling (nginx
/// answering a fixed 200 through the same FreeRADIUS configuration); the large world's CoworkSync beside them for scale.
/// </summary>
public static class AuthorizeRepeated
{
    public static async Task<(Figure Small, Figure Large)> RunAsync(Bench bench)
    {
        var o = bench.Options;
        Trial App(World world) => RadclientTrial.Create($"CoworkSync ({world.Name})", world.RadiusToApp,
            [world.AppCpu, world.AzuriteCpu, world.RadiusToAppCpu], "auth", expectAccept: true, o.RadclientParallel, o.WarmUpRequests, o.RunTime,
            (count, offset) => RadiusRequestFiles.Authorize(bench.Scratch, count, 1, i => world.BenchLogins[(offset + i) % o.RepeatedMembers]));
        var zero = RadclientTrial.Create("zero-work ceiling", bench.RadiusToNginx, [bench.NginxCpu, bench.RadiusToNginxCpu], "auth",
            expectAccept: true, o.RadclientParallel, o.WarmUpRequests, o.RunTime,
            (count, offset) => RadiusRequestFiles.Authorize(bench.Scratch, count, 1,
                i => (bench.Small.BenchLogins[(offset + i) % o.RepeatedMembers].Username, CeilingApp.Password)));

        Console.Error.WriteLine("==> Authorize, repeated rounds");
        var samples = await Interleaved.RunAsync(o.Rounds, App(bench.Small), zero, App(bench.Large));
        var small = Figure.Of(samples[$"CoworkSync ({bench.Small.Name})"]);
        var ceiling = Figure.Of(samples["zero-work ceiling"]);
        var large = Figure.Of(samples[$"CoworkSync ({bench.Large.Name})"]);
        bench.Table.Add(new Row($"Authorize, repeated rounds ({o.RepeatedMembers} members, PAP, radclient -p {o.RadclientParallel})",
            Format.Rate(small), "zero-work (nginx return 200): " + Format.Rate(ceiling), Format.Ratio(small.PerSecond, ceiling.PerSecond),
            "≥ 0.50", Format.Cpu(small), Format.Cpu(ceiling)));
        return (small, large);
    }
}
