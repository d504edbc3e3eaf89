using System.Text;
using System.Text.RegularExpressions;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>What answered a request sent with <see cref="RadClient"/>, its attributes by dictionary name, and radclient's output.</summary>
public sealed partial record RadiusReply(RadiusCode Code, IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes, string Output)
{
    /// <summary>The first value of <paramref name="attribute"/> (strings unquoted, tags such as <c>:0</c> dropped), or null.</summary>
    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var values) ? values[0] : null;

    public override string ToString() =>
        $"{Code} with {(Attributes.Count == 0 ? "no attributes" : string.Join(", ", Attributes.Select(a => $"{a.Key} = {string.Join(" | ", a.Value)}")))}" +
        $"{Environment.NewLine}{Output}";

    /// <summary>Reads the reply from the output of <c>radclient -x</c>.</summary>
    internal static RadiusReply FromRadclient(string standardOutput, string description)
    {
        var code = RadiusCode.NoReply;
        var attributes = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var inReply = false;
        foreach (var line in standardOutput.Split('\n'))
        {
            var received = ReceivedLine().Match(line);
            if (received.Success)
            {
                code = ParseCode(received.Groups[1].Value);
                inReply = true;
                continue;
            }
            var attribute = inReply ? AttributeLine().Match(line) : Match.Empty;
            inReply = attribute.Success;
            if (!attribute.Success)
                continue;
            if (!attributes.TryGetValue(attribute.Groups[1].Value, out var values))
                attributes[attribute.Groups[1].Value] = values = [];
            values.Add(Unquote(attribute.Groups[2].Value.TrimEnd('\r')));
        }
        return new RadiusReply(code, attributes.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.OrdinalIgnoreCase), description);
    }

    private static RadiusCode ParseCode(string name) => name switch
    {
        "Access-Accept" => RadiusCode.AccessAccept,
        "Access-Reject" => RadiusCode.AccessReject,
        "Access-Challenge" => RadiusCode.AccessChallenge,
        "Accounting-Response" => RadiusCode.AccountingResponse,
        _ => throw new FormatException($"radclient received an unexpected packet type: {name}"),
    };

    /// <summary>radclient prints strings in double quotes with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and octal escapes.</summary>
    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            return value;
        var quoted = Encoding.UTF8.GetBytes(value[1..^1]);
        var bytes = new List<byte>(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] != '\\' || i + 1 == quoted.Length)
            {
                bytes.Add(quoted[i]);
                continue;
            }
            var next = quoted[++i];
            if (next is >= (byte)'0' and <= (byte)'7' && i + 2 < quoted.Length)
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(quoted, i, 3), 8));
                i += 2;
                continue;
            }
            bytes.Add(next switch { (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', _ => next });
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"^Received (\S+) Id ")]
    private static partial Regex ReceivedLine();

    [GeneratedRegex(@"^\t([A-Za-z0-9-]+)(?::\d+)? = (.*)$")]
    private static partial Regex AttributeLine();
}
