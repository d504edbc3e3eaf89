using System.Text;

namespace CoworkSync.Compare.Report;

/// <summary>The comparison's one table, in Markdown (readable in a terminal, pasted as it is into docs/benchmarks.md).</summary>
public sealed class Table
{
    private readonly List<Row> _rows = [];

    public IReadOnlyList<Row> Rows => _rows;

    public void Add(Row row)
    {
        _rows.Add(row);
        Console.Error.WriteLine($"==> {row.Path}: {row.Ours} | {row.Ceiling} | ratio {row.Ratio}");
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
