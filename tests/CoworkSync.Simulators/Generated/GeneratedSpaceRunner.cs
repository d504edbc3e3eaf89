using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Generated;

/// <summary>
/// Serves the Coworks API for spaces of generated members (<see cref="GeneratedMembers"/>) on a loopback port until
/// stopped: what the benchmarks sync from. Prints <see cref="ReadyLine"/> and the base URL once it listens.
/// </summary>
public static class GeneratedSpaceRunner
{
    public const string ReadyLine = "Coworks simulator ready:";

    public static async Task<int> RunAsync(GeneratedSpaceOptions options, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var coworks = await CoworksSimulator.StartAsync(options.Port);
        foreach (var generated in options.Spaces)
        {
            var space = coworks.AddSpace(generated.Id, options.ApiKey).AddPlan(GeneratedMembers.PlanId, GeneratedMembers.PlanName);
            space.AddMembers(Enumerable.Range(0, generated.MemberCount).Select(i => GeneratedMembers.Member(generated.MemberPrefix, i)));
        }
        await output.WriteLineAsync($"{ReadyLine} {coworks.BaseUrl} ({string.Join(", ", options.Spaces.Select(s => $"{s.Id}: {s.MemberCount} members"))})");
        await output.FlushAsync(stop);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
