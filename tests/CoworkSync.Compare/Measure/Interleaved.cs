namespace CoworkSync.Compare.Measure;

/// <summary>
/// Runs trials side by side: a warm-up of each, then rounds in which every trial runs once, in turn, the order reversed
/// every other round (A B, B A, …) so that neither side always follows the other. Returns each trial's samples.
/// </summary>
public static class Interleaved
{
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
                samples[trial.Name].Add(sample);
                Console.Error.WriteLine($"    {trial.Name}: {sample.Load.PerSecond:0}/s{(sample.Load.Failed > 0 ? $" ({sample.Load.Failed} failed)" : "")}");
                if (sample.Load.Succeeded == 0)
                    Console.Error.WriteLine($"    warning: no request of {trial.Name} succeeded in round {round}; its figure counts this run as 0/s");
            }
        }
        return samples.ToDictionary(s => s.Key, s => (IReadOnlyList<Sample>)s.Value);
    }
}
