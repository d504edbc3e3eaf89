using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>
/// A private FreeRADIUS with the configuration operators use (infra/radius, installed into a copy of Debian's
/// /etc/freeradius/3.0 by <c>scripts/demo-radius.sh</c>, as the demo does), its rlm_rest pointed at one backend
/// (CoworkSync or a ceiling) through <c>COWORKSYNC_URL</c>. One change, as in the integration tests: no reject delay,
/// so a reject is timed like an accept. Listens on 127.0.0.1 only.
/// </summary>
public sealed class FreeRadius(Started process, int authPort, string secretFile)
{
    public Started Process { get; } = process;

    public int AuthPort { get; } = authPort;

    public int AcctPort => AuthPort + 1;

    public string SecretFile { get; } = secretFile;

    public static async Task<FreeRadius> StartAsync(string name, string repoRoot, string folder, string backendUrl, string functionKey)
    {
        var port = Ports.FreeUdpPair();
        var (exit, output) = await Tool.RunAsync("bash", [Path.Combine(repoRoot, "scripts", "demo-radius.sh"), folder, $"{port}", $"{port + 1}"], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"scripts/demo-radius.sh could not prepare FreeRADIUS for {name} (exit {exit}): {output}");
        var radiusd = Path.Combine(folder, "raddb", "radiusd.conf");
        var text = await File.ReadAllTextAsync(radiusd);
        var noDelay = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^([ \t]*reject_delay = )\d+$", "${1}0");
        if (noDelay == text && !text.Contains("reject_delay = 0", StringComparison.Ordinal))
            throw new InvalidOperationException($"{radiusd} has no reject_delay line to set to 0; Debian's configuration changed.");
        await File.WriteAllTextAsync(radiusd, noDelay);

        var process = Started.Start(name, "/usr/sbin/freeradius", ["-f", "-l", "stdout", "-d", Path.Combine(folder, "raddb")],
            Path.Combine(folder, "freeradius.log"),
            new Dictionary<string, string> { ["COWORKSYNC_URL"] = backendUrl, ["COWORKSYNC_FUNCTION_KEY"] = functionKey });
        await Readiness.WaitForLogAsync(process, "Ready to process requests", TimeSpan.FromSeconds(60));
        return new FreeRadius(process, port, Path.Combine(folder, "secret"));
    }
}
