using System.Text;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>The last lines a child process printed, for failure messages.</summary>
internal sealed class CapturedOutput(string processName, int maxLines)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Append(string stream, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _lines.Enqueue($"[{stream}] {line}");
            if (_lines.Count > maxLines)
                _lines.Dequeue();
        }
    }

    /// <summary>The captured lines, each on its own line, after a heading naming the process.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
                return $" {processName} wrote no output.";
            var text = new StringBuilder($" {processName} output (last {_lines.Count} lines):");
            foreach (var line in _lines)
                text.Append(Environment.NewLine).Append(line);
            return text.ToString();
        }
    }
}
