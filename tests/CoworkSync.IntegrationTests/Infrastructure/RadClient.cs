using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoworkSync.IntegrationTests.Deployment;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// Sends RADIUS requests like an access point would, with FreeRADIUS's <c>radclient</c> (one try, so a dead server answers
/// <see cref="RadiusCode.NoReply"/> instead of hanging; the wait outlasts rlm_rest's connect and request timeouts, so a
/// slow backend shows as FreeRADIUS's own answer, not as silence). Values may hold any character, including
/// <c>"</c>, <c>\</c>, <c>%</c> and <c>{</c>: they are written to a request file, which radtest cannot do.
/// </summary>
public sealed partial class RadClient(RadiusEndpoint endpoint)
{
    private const int ReplyTimeoutSeconds = 8;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(ReplyTimeoutSeconds + 10);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Sends an Access-Request with a PAP password to the endpoint's auth port.</summary>
    public Task<RadiusReply> AuthenticateAsync(RadiusAccessRequest request) =>
        SendAsync("auth", endpoint.AuthPort, request.Attributes());

    public Task<RadiusReply> AuthenticateAsync(string userName, string password) =>
        AuthenticateAsync(new RadiusAccessRequest(userName, password));

    /// <summary>Sends an Accounting-Request to the endpoint's acct port; the reply is an Accounting-Response or no reply.</summary>
    public Task<RadiusReply> SendAccountingAsync(RadiusAccountingRequest request) =>
        SendAsync("acct", endpoint.AcctPort, request.Attributes());

    private async Task<RadiusReply> SendAsync(string type, int port, IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        var radclient = RadiusTools.Require("radclient", "freeradius-utils");
        var file = Path.Combine(Path.GetTempPath(), $"coworksync-radclient-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, RequestFile(attributes), Utf8NoBom);
        try
        {
            var timeout = ReplyTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
            var server = $"{endpoint.Host}:{port.ToString(CultureInfo.InvariantCulture)}";
            var result = await ProcessRunner.RunAsync(
                radclient, ["-x", "-r", "1", "-t", timeout, "-f", file, server, type, endpoint.Secret], Path.GetTempPath(), ProcessTimeout);
            return RadiusReply.FromRadclient(result.StandardOutput, result.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One <c>Name = "value"</c> line per attribute that has a value; <c>\</c> and <c>"</c> are escaped.</summary>
    private static string RequestFile(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in attributes)
        {
            if (value is null)
                continue;
            if (!AttributeName().IsMatch(name))
                throw new ArgumentException($"Not a RADIUS attribute name: {name}", nameof(attributes));
            if (value.Any(char.IsControl))
                throw new ArgumentException($"The value of {name} has a control character, which a radclient request file cannot hold.", nameof(attributes));
            text.Append(name).Append(" = \"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
        }
        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex AttributeName();
}
