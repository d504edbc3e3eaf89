using System.Globalization;
using System.Text.RegularExpressions;
using CoworkSync.IntegrationTests.Deployment;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// Builds a private FreeRADIUS configuration in a temp folder: a copy of Debian's <c>/etc/freeradius/3.0</c> with the
/// repository's <c>infra/radius</c> installed by its own <c>install.sh</c>, then changed to run from that folder
/// without changing user, on loopback ports, with one client (127.0.0.1) and a throwaway EAP certificate.
/// </summary>
internal static partial class FreeRadiusConfig
{
    public const string SystemRaddb = "/etc/freeradius/3.0";
    private const string SnakeoilCertificate = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    private const string SnakeoilKey = "/etc/ssl/private/ssl-cert-snakeoil.key";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    /// <returns>The config directory (for <c>freeradius -d</c>) and the CA certificate EAP clients should trust.</returns>
    public static async Task<(string Raddb, string CaCertificate)> CreateAsync(string root, int authPort, int acctPort, string secret)
    {
        var raddb = Path.Combine(root, "raddb");
        var log = Directory.CreateDirectory(Path.Combine(root, "log")).FullName;
        var run = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        await RunAsync("cp", ["-a", SystemRaddb, raddb], root);
        await RunAsync("bash", [Path.Combine(RepositoryLayout.Infra, "radius", "install.sh"), raddb], root);

        Edit(Path.Combine(raddb, "radiusd.conf"), text => text
            .Substitute(RaddbDir(), $"raddbdir = {raddb}")
            .Substitute(LogDir(), $"logdir = {log}")
            .Substitute(RunDir(), $"run_dir = {run}")
            .Substitute(UserOrGroup(), match => "#" + match.Value, expected: 2)
            .Substitute(RejectDelay(), "reject_delay = 0")
            .Expect(NoProxying()));
        Edit(Path.Combine(raddb, "sites-available", "coworksync"), text => text
            .Substitute(Listen(), match => match.Groups[1].Value + "127.0.0.1" + match.Groups[3].Value +
                (match.Groups[2].Value == "auth" ? authPort : acctPort).ToString(CultureInfo.InvariantCulture), expected: 2));
        File.WriteAllText(Path.Combine(raddb, "clients.conf"), $$"""
            client localhost {
                ipaddr = 127.0.0.1
                secret = "{{secret}}"
            }

            """);
        return (raddb, await InstallCertificateAsync(raddb, root));
    }

    /// <summary>Debian's snakeoil certificate when this user can read its key; otherwise a new self-signed one.</summary>
    private static async Task<string> InstallCertificateAsync(string raddb, string root)
    {
        var directory = Directory.CreateDirectory(Path.Combine(raddb, "certs", "coworksync")).FullName;
        var certificate = Path.Combine(directory, "server.pem");
        var key = Path.Combine(directory, "server.key");
        if (IsReadable(SnakeoilCertificate) && IsReadable(SnakeoilKey))
        {
            File.Copy(SnakeoilCertificate, certificate);
            File.Copy(SnakeoilKey, key);
        }
        else
        {
            await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=coworksync-radius-test", "-keyout", key, "-out", certificate], root);
        }
        return certificate;
    }

    public static bool IsReadable(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, string[] arguments, string workingDirectory)
    {
        var result = await ProcessRunner.RunAsync(program, arguments, workingDirectory, ToolTimeout);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Preparing the FreeRADIUS configuration failed: {result.Describe()}");
    }

    private static void Edit(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)));

    private static string Substitute(this string text, Regex pattern, string line, int expected = 1) =>
        text.Substitute(pattern, _ => line, expected);

    private static string Expect(this string text, Regex pattern) => text.Substitute(pattern, match => match.Value);

    private static string Substitute(this string text, Regex pattern, MatchEvaluator replace, int expected = 1)
    {
        var found = pattern.Matches(text).Count;
        if (found != expected)
        {
            throw new InvalidOperationException(
                $"The FreeRADIUS configuration has {found} matches of `{pattern}` where the test harness expects {expected}; " +
                "Debian's /etc/freeradius/3.0 or infra/radius changed, so update FreeRadiusConfig.");
        }
        return pattern.Replace(text, replace);
    }

    [GeneratedRegex(@"^raddbdir = .*$", RegexOptions.Multiline)]
    private static partial Regex RaddbDir();

    [GeneratedRegex(@"^logdir = .*$", RegexOptions.Multiline)]
    private static partial Regex LogDir();

    [GeneratedRegex(@"^run_dir = .*$", RegexOptions.Multiline)]
    private static partial Regex RunDir();

    [GeneratedRegex(@"^[ \t]*(user|group) = freerad$", RegexOptions.Multiline)]
    private static partial Regex UserOrGroup();

    [GeneratedRegex(@"^[ \t]*reject_delay = \d+$", RegexOptions.Multiline)]
    private static partial Regex RejectDelay();

    [GeneratedRegex(@"^proxy_requests\s*=\s*no$", RegexOptions.Multiline)]
    private static partial Regex NoProxying();

    [GeneratedRegex(@"(type = (auth|acct)\s+ipaddr = )\*(\s+port = )0")]
    private static partial Regex Listen();
}
