using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Report;

/// <summary>Draws the concurrency sweep with gnuplot (PNG): one line per backend, throughput against radclient -p.</summary>
public static class Plot
{
    public static async Task DrawAsync(string data, string png, string title)
    {
        var script = Path.ChangeExtension(data, ".gnuplot");
        await File.WriteAllTextAsync(script, $$"""
            set terminal pngcairo size 900,540 font "DejaVu Sans,11"
            set output '{{png}}'
            set title "{{title}}"
            set xlabel "requests in flight (radclient -p)"
            set ylabel "authorizations per second"
            set logscale x 2
            set grid
            set key top left
            set yrange [0:*]
            set datafile missing "{{Scenarios.ConcurrencySweep.Missing}}"
            plot for [column=2:4] '{{data}}' using 1:column with linespoints linewidth 2 pointtype 7 title columnheader(column)
            """);
        var (exit, output) = await Tool.RunAsync("gnuplot", [script], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"gnuplot failed ({exit}): {output}");
    }
}
