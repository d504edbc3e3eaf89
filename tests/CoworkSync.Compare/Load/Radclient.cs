using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoworkSync.Compare.Processes;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Load;

/// <summary>
/// Sends request files through FreeRADIUS with radclient (<c>-p N</c>: N requests in flight, in waves; one radclient
/// per file, all at once), and counts the answers from its summary (<c>-s</c>). Its CPU is read from the shell that
/// waited for it (cutime + cstime in /proc/&lt;shell&gt;/stat).
/// </summary>
public static partial class Radclient
{
    private const string Wrapper = """
        parallel="$1"; secret="$2"; target="$3"; kind="$4"; out="$5"; shift 5
        i=0
        for file in "$@"; do
          radclient -q -s -p "$parallel" -t 5 -r 1 -f "$file" -S "$secret" "$target" "$kind" >"$out.$i" 2>&1 &
          i=$((i + 1))
        done
        wait
        cat /proc/$$/stat >"$out.stat"
        """;

    /// <param name="kind"><c>auth</c> or <c>acct</c>.</param>
    /// <param name="expectAccept">For auth: whether an Access-Accept is the expected answer (else an Access-Reject).</param>
    public static async Task<LoadResult> RunAsync(FreeRadius radius, string kind, IReadOnlyList<string> files, int parallel, bool expectAccept, TimeSpan timeout)
    {
        var output = Path.Combine(Path.GetDirectoryName(files[0])!, "radclient-" + Guid.NewGuid().ToString("N")[..8]);
        var port = kind == "auth" ? radius.AuthPort : radius.AcctPort;
        var clock = Stopwatch.StartNew();
        var (exit, text) = await Tool.RunAsync("bash",
            ["-c", Wrapper, "radclient-load", $"{parallel}", radius.SecretFile, $"127.0.0.1:{port}", kind, output, .. files], timeout);
        var elapsed = clock.Elapsed;
        if (exit != 0)
            throw new InvalidOperationException($"radclient's wrapper failed ({exit}): {text}");

        long accepted = 0, rejected = 0, lost = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var summary = await File.ReadAllTextAsync($"{output}.{i}");
            accepted += Count(summary, "Accepted");
            rejected += Count(summary, "Rejected");
            lost += Count(summary, "Lost");
            File.Delete($"{output}.{i}");
        }
        var ticks = CpuTicks.FromStatLine(await File.ReadAllTextAsync(output + ".stat"), includeReaped: true);
        File.Delete(output + ".stat");
        var (good, bad) = kind == "acct" || expectAccept ? (accepted, rejected + lost) : (rejected, accepted + lost);
        return new LoadResult(good, bad, elapsed, ticks);
    }

    private static long Count(string summary, string name)
    {
        var match = Regex.Match(summary, $@"{name}\s*:\s*(\d+)");
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
