using CoworkSync.Compare.Load;

namespace CoworkSync.Compare.Measure;

/// <summary>
/// One side of a comparison: a load against one backend, and the processes it involves. <see cref="Run"/> gets the
/// round number (0 is the warm-up, not recorded) and may size itself from the previous result.
/// </summary>
public sealed record Trial(string Name, IReadOnlyList<Metered> Processes, Func<int, Task<LoadResult>> Run)
{
    /// <summary>Runs after each run, with its result, outside its metering: e.g. waiting until the events a run queued are processed.</summary>
    public Func<LoadResult, Task>? After { get; init; }

    /// <summary>Runs once, metering the processes' CPU over the run (the load generator's comes with the result).</summary>
    public async Task<Sample> SampleAsync(int round)
    {
        var before = Processes.ToDictionary(p => p.Label, p => p.Ticks());
        var load = await Run(round);
        var cpu = new Dictionary<string, double>();
        foreach (var process in Processes)
            cpu[process.Label] = Percent(process.Ticks() - before[process.Label], load.Elapsed);
        cpu["load"] = Percent(load.GeneratorTicks, load.Elapsed);
        if (After is not null)
            await After(load);
        return new Sample(load, cpu);
    }

    private static double Percent(long ticks, TimeSpan elapsed) => ticks / CoworkSync.Compare.Processes.CpuTicks.PerSecond / elapsed.TotalSeconds * 100;
}
