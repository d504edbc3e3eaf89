namespace CoworkSync.Compare.Measure;

/// <summary>
/// Runs trials side by side: a warm-up of each, then rounds in which every trial runs once, in turn, the order reversed
/// every other round (A B, B A, …) so that neither side always follows the other. A run in which no request succeeded
/// is said so and run once more (the second result counts, whatever it is). Returns each trial's samples.
/// </summary>
public static class Interleaved
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    private static void Print(Trial trial, Sample sample) =>
        Console.Error.WriteLine($"    {trial.Name}: {sample.Load.PerSecond:0}/s{(sample.Load.Failed > 0 ? $" ({sample.Load.Failed} failed)" : "")}");

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<Sample>>> RunAsync(int rounds, params Trial[] trials)
    {
        var samples = trials.ToDictionary(t => t.Name, _ => new List<Sample>());
        foreach (var trial in trials)
            await trial.SampleAsync(0);
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? trials : [.. trials.Reverse()];
            foreach (var trial in order)
            {
                var sample = await trial.SampleAsync(round);
                Print(trial, sample);
                if (sample.Load.Succeeded == 0)
                {
                    // Seen with Azurite busy on its own (a core at ~90 %, the app idle) for seconds to minutes.
                    Console.Error.WriteLine($"    warning: no request of {trial.Name} succeeded in round {round} (CPU: {string.Join(", ", sample.CpuPercent.Select(c => $"{c.Key} {c.Value:0} %"))}); running it once more in {Pause.TotalSeconds:0} s");
                    await Task.Delay(Pause);
                    sample = await trial.SampleAsync(round);
                    Print(trial, sample);
                }
                samples[trial.Name].Add(sample);
            }
        }
        return samples.ToDictionary(s => s.Key, s => (IReadOnlyList<Sample>)s.Value);
    }
}
