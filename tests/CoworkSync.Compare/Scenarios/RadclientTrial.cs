using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// A trial that sends radclient load through one FreeRADIUS, sized to last about the run time: the warm-up sends a
/// fixed number of requests, each later run as many as the previous run's rate gives in the run time.
/// </summary>
public static class RadclientTrial
{
    private const int MaxRequests = 400_000;

    /// <param name="files">Writes the request files for <c>count</c> requests, the first being the trial's request number <c>offset</c>.</param>
    public static Trial Create(string name, FreeRadius radius, IReadOnlyList<Metered> processes, string kind, bool expectAccept,
        int parallel, int warmUp, TimeSpan runTime, Func<int, int, IReadOnlyList<string>> files)
    {
        var rate = 0.0;
        var offset = 0;
        return new Trial(name, processes, async round =>
        {
            var count = round == 0 || rate <= 0 ? warmUp : (int)Math.Clamp(rate * runTime.TotalSeconds, 500, MaxRequests);
            var requestFiles = files(count, offset);
            offset += count;
            var result = await Radclient.RunAsync(radius, kind, requestFiles, parallel, expectAccept, runTime * 6 + TimeSpan.FromSeconds(60));
            foreach (var file in requestFiles)
                File.Delete(file);
            rate = result.PerSecond;
            return result;
        });
    }
}
