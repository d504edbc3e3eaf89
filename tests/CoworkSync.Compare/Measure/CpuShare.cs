using System.Diagnostics;
using System.Globalization;
using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Measure;

/// <summary>
/// The CPU each process used over a stretch the harness times itself (not a load generator's run), in percent of one
/// core, for rows such as the burst: <see cref="Start"/> before, <see cref="Stop"/> after.
/// </summary>
public sealed class CpuShare
{
    private readonly IReadOnlyList<(string Label, Func<double> Seconds)> _processes;
    private readonly double[] _before;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private CpuShare(IReadOnlyList<(string Label, Func<double> Seconds)> processes)
    {
        _processes = processes;
        _before = [.. processes.Select(p => p.Seconds())];
    }

    /// <summary>The harness's own process, when it plays a ceiling itself.</summary>
    public static (string Label, Func<double> Seconds) Harness =>
        ("harness", () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    public static CpuShare Start(params Metered[] processes) =>
        new([.. processes.Select(m => (m.Label, (Func<double>)(() => m.Ticks() / CpuTicks.PerSecond)))]);

    public static CpuShare Start((string Label, Func<double> Seconds) first, Metered second) =>
        new([first, (second.Label, () => second.Ticks() / CpuTicks.PerSecond)]);

    public IReadOnlyDictionary<string, double> Stop()
    {
        var elapsed = _clock.Elapsed.TotalSeconds;
        return _processes.Select((p, i) => (p.Label, Percent: 100 * (p.Seconds() - _before[i]) / elapsed)).ToDictionary(p => p.Label, p => p.Percent);
    }

    /// <summary>Each process's share over one stretch, as the table writes CPU.</summary>
    public static string Format(IReadOnlyDictionary<string, double> share) => Median([share]);

    /// <summary>Each process's median share over the stretches, as the table writes CPU.</summary>
    public static string Median(IReadOnlyList<IReadOnlyDictionary<string, double>> shares) =>
        shares.Count == 0 ? "" : string.Join(" · ", shares[0].Keys.Select(label =>
            string.Create(CultureInfo.InvariantCulture, $"{label} {Figure.Percentile([.. shares.Select(s => s[label])], 50):0}")));
}
