using System.Globalization;
using System.Text;
using CoworkSync.IntegrationTests.Deployment;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// Logs in over 802.1X like a member's laptop, with <c>eapol_test</c> (wpa_supplicant's RADIUS test client): PEAP with
/// MSCHAPv2 inside, or EAP-TTLS with PAP inside. It checks the server certificate against the endpoint's CA
/// certificate. Identities and passwords may hold any character, including <c>"</c>, <c>\</c>, <c>%</c> and <c>{</c>.
/// </summary>
public sealed class EapolTest(RadiusEndpoint endpoint)
{
    private const int TimeoutSeconds = 10;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(TimeoutSeconds + 10);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public Task<EapResult> PeapMschapV2Async(string identity, string password, EapOptions? options = null) =>
        RunAsync("PEAP", "auth=MSCHAPV2", identity, password, options ?? new EapOptions());

    public Task<EapResult> TtlsPapAsync(string identity, string password, EapOptions? options = null) =>
        RunAsync("TTLS", "auth=PAP", identity, password, options ?? new EapOptions());

    private async Task<EapResult> RunAsync(string method, string phase2, string identity, string password, EapOptions options)
    {
        var eapolTest = RadiusTools.Require("eapol_test", "eapoltest");
        var file = Path.Combine(Path.GetTempPath(), $"coworksync-eapol-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, NetworkBlock(method, phase2, identity, password, options), Utf8NoBom);
        try
        {
            List<string> arguments =
            [
                "-c", file, "-a", endpoint.Host, "-p", endpoint.AuthPort.ToString(CultureInfo.InvariantCulture), "-s", endpoint.Secret,
                "-t", TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ];
            // -N<attribute number>:s:<text> sends (or replaces) a string attribute.
            foreach (var (number, value) in new[] { (32, options.NasIdentifier), (30, options.CalledStationId), (31, options.CallingStationId) })
            {
                if (value is not null)
                    arguments.Add(string.Create(CultureInfo.InvariantCulture, $"-N{number}:s:{value}"));
            }
            var result = await ProcessRunner.RunAsync(eapolTest, arguments, Path.GetTempPath(), ProcessTimeout);
            return EapResult.FromEapolTest(result.ExitCode, result.StandardOutput, result.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private string NetworkBlock(string method, string phase2, string identity, string password, EapOptions options)
    {
        var text = new StringBuilder("network={\n")
            .Append("\tkey_mgmt=WPA-EAP\n")
            .Append("\teap=").Append(method).Append('\n')
            .Append("\tidentity=").Append(Printf(identity)).Append('\n')
            .Append("\tpassword=").Append(Printf(password)).Append('\n')
            .Append("\tphase2=\"").Append(phase2).Append("\"\n");
        if (options.AnonymousIdentity is not null)
            text.Append("\tanonymous_identity=").Append(Printf(options.AnonymousIdentity)).Append('\n');
        if (endpoint.CaCertificatePath is not null)
            text.Append("\tca_cert=").Append(Printf(endpoint.CaCertificatePath)).Append('\n');
        return text.Append("}\n").ToString();
    }

    /// <summary>
    /// wpa_supplicant's printf-escaped string form, <c>P"..."</c>: a plain <c>"..."</c> string has no escapes at all, so a
    /// <c>\"</c> in it would be sent as a backslash and a quote.
    /// </summary>
    private static string Printf(string value)
    {
        var text = new StringBuilder("P\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            _ = b switch
            {
                (byte)'\\' => text.Append("\\\\"),
                (byte)'"' => text.Append("\\\""),
                < 0x20 or >= 0x7f => text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}"),
                _ => text.Append((char)b),
            };
        }
        return text.Append('"').ToString();
    }
}
