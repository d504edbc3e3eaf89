using System.Globalization;
using CoworkSync.Compare.Measure;

namespace CoworkSync.Compare.Report;

/// <summary>How figures are written in the table.</summary>
public static class Format
{
    public static string Rate(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"{figure.PerSecond:#,0} /s") +
        (figure.P99Milliseconds is { } p99 ? string.Create(CultureInfo.InvariantCulture, $", p99 {p99:0.#} ms") : "") +
        (figure.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({figure.Failed} failed)") : "");

    public static string Ratio(double ours, double ceiling) =>
        double.IsFinite(ours) && double.IsFinite(ceiling) && ceiling > 0 ? (ours / ceiling).ToString("0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>CPU in percent of one core, per process, e.g. <c>app 96 · azurite 81 · freeradius 22 · load 9</c>.</summary>
    public static string Cpu(Figure figure) =>
        string.Join(" · ", figure.CpuPercent.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:0}")));

    public static string Milliseconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:#,0} ms");

    public static string Seconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.00} s");
}
