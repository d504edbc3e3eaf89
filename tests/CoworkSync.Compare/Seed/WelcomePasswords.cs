using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoworkSync.Compare.Seed;

/// <summary>
/// The members' WiFi passwords, from the welcome emails local mode writes as <c>.eml</c> files: the only place
/// CoworkSync shows one (the demo reads them the same way). The text part has lines <c>Username: …</c> and <c>Password: …</c>.
/// </summary>
public static partial class WelcomePasswords
{
    /// <summary>Waits until the outbox holds <paramref name="expected"/> emails, then reads user name → password.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string outbox, int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Count(outbox) < expected)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"{outbox} holds {Count(outbox)} welcome emails, not {expected}, after {timeout.TotalSeconds:0} s.");
            await Task.Delay(500);
        }
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(outbox, "*.eml").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file);
            var to = UsernameLine().Match(text);
            var password = PasswordLine().Match(text);
            if (to.Success && password.Success)
                passwords[to.Groups[1].Value.ToLowerInvariant()] = password.Groups[1].Value.TrimEnd('\r');
        }
        return passwords;
    }

    private static int Count(string outbox) => Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*.eml").Count() : 0;

    [GeneratedRegex(@"^Username: (\S+)", RegexOptions.Multiline)]
    private static partial Regex UsernameLine();

    [GeneratedRegex(@"^Password: (.+)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();
}
