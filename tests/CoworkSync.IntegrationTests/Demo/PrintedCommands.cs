using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoworkSync.IntegrationTests.Deployment;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>The commands the demo printed, found in its output and run as printed, with bash, from the repository root.</summary>
internal sealed partial class PrintedCommands(IReadOnlyList<string> lines)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The admin API calls printed before the signed webhook, in order.</summary>
    public IReadOnlyList<string> AdminCurlLines =>
        [.. lines.Take(WebhookStart()).Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal))];

    /// <summary>The BODY=, T=, SIG= and curl lines of the hand-signed webhook, as one script.</summary>
    public string SignedWebhookScript => string.Join('\n', lines.Skip(WebhookStart()).Take(4));

    public IReadOnlyList<string> RadclientLines =>
        [.. lines.Select(l => l.Trim()).Where(l => l.StartsWith("radclient ", StringComparison.Ordinal))];

    public static async Task<ProcessRunner.Result> RunAsync(string script) =>
        await ProcessRunner.RunAsync("bash", ["-c", script], RepositoryLayout.RepoRoot, Limit);

    /// <summary>Runs a printed curl line with <c>-w</c> appended to learn the HTTP status; the rest of the line is as printed.</summary>
    public static async Task<CurlAnswer> RunCurlAsync(string line)
    {
        var result = await RunAsync(line + " -w '\\n%{http_code}'");
        if (result.ExitCode != 0)
            throw new InvalidOperationException("A printed curl line failed: " + result.Describe());
        var output = result.StandardOutput.TrimEnd('\n');
        var statusAt = output.LastIndexOf('\n');
        return new CurlAnswer(line, int.Parse(output[(statusAt + 1)..], CultureInfo.InvariantCulture), statusAt < 0 ? "" : output[..statusAt]);
    }

    /// <summary>The result's description with the passwords <c>radclient -x</c> prints left out.</summary>
    public static string WithoutPasswords(ProcessRunner.Result result) => PasswordAttribute().Replace(result.Describe(), "$1 = \"…\"");

    private int WebhookStart()
    {
        var start = lines.ToList().FindIndex(l => l.TrimStart().StartsWith("BODY=", StringComparison.Ordinal));
        return start >= 0 ? start : throw new InvalidOperationException("The demo printed no signed webhook (no BODY= line).");
    }

    [GeneratedRegex("((?:User|Cleartext)-Password) = \"[^\"]*\"")]
    private static partial Regex PasswordAttribute();
}

/// <summary>What a printed curl line got: the HTTP status and the body.</summary>
internal sealed record CurlAnswer(string Line, int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    public override string ToString() => $"{Status} from `{Line}`: {Body}";
}
