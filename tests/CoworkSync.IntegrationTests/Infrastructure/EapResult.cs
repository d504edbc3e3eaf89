using System.Text.RegularExpressions;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// How an <see cref="EapolTest"/> login ended, the attributes of the final Access-Accept as eapol_test printed them
/// (integers in decimal, text without its quotes, anything else such as vendor-specific attributes in hex), and its output.
/// </summary>
public sealed partial record EapResult(bool Succeeded, int ExitCode, IReadOnlyDictionary<string, IReadOnlyList<string>> AcceptAttributes, string Output)
{
    /// <summary>The first value of <paramref name="attribute"/> in the Access-Accept, or null.</summary>
    public string? this[string attribute] => AcceptAttributes.TryGetValue(attribute, out var values) ? values[0] : null;

    public override string ToString() =>
        $"eapol_test {(Succeeded ? "SUCCESS" : "FAILURE")} (exit code {ExitCode}){Environment.NewLine}{Output}";

    internal static EapResult FromEapolTest(int exitCode, string standardOutput, string description)
    {
        var lines = standardOutput.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var succeeded = exitCode == 0 && lines.LastOrDefault(line => line.Length > 0) == "SUCCESS";
        var attributes = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var accept = Array.FindLastIndex(lines, line => line.StartsWith("RADIUS message: code=2 (Access-Accept)", StringComparison.Ordinal));
        for (var i = accept + 1; accept >= 0 && i + 1 < lines.Length; i += 2)
        {
            var attribute = AttributeLine().Match(lines[i]);
            var value = ValueLine().Match(lines[i + 1]);
            if (!attribute.Success || !value.Success)
                break;
            if (!attributes.TryGetValue(attribute.Groups[1].Value, out var values))
                attributes[attribute.Groups[1].Value] = values = [];
            values.Add(value.Groups[1].Value is ['\'', .. var text, '\''] ? text : value.Groups[1].Value);
        }
        return new EapResult(succeeded, exitCode, attributes.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.OrdinalIgnoreCase), description);
    }

    [GeneratedRegex(@"^\s+Attribute \d+ \(([^)]+)\) length=\d+$")]
    private static partial Regex AttributeLine();

    [GeneratedRegex(@"^\s+Value: (.*)$")]
    private static partial Regex ValueLine();
}
