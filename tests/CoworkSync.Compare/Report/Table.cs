using System.Text;

namespace CoworkSync.Compare.Report;

/// <summary>The comparison's one table, in Markdown (readable in a terminal, pasted as it is into docs/benchmarks.md).</summary>
/// <remarks>Each row is also written to <see cref="PartialFile"/> as it comes, so a run that stops early keeps what it measured.</remarks>
public sealed class Table(string partialFile)
{
    private readonly List<Row> _rows = [];

    public string PartialFile => partialFile;

    public IReadOnlyList<Row> Rows => _rows;

    public void Add(Row row)
    {
        _rows.Add(row);
        Console.Error.WriteLine($"==> {row.Path}: {row.Ours} | {row.Ceiling} | ratio {row.Ratio} | CPU {row.CpuOurs} | {row.CpuCeiling}");
        File.WriteAllText(partialFile, ToMarkdown());
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| path | CoworkSync | ceiling / reference (same run) | ratio | goal | CPU, CoworkSync run (% of a core) | CPU, ceiling run |");
        text.AppendLine("|---|---:|---:|---:|---|---|---|");
        foreach (var row in _rows)
            text.AppendLine($"| {row.Path} | {row.Ours} | {row.Ceiling} | {row.Ratio} | {row.Goal} | {row.CpuOurs} | {row.CpuCeiling} |");
        return text.ToString();
    }
}
