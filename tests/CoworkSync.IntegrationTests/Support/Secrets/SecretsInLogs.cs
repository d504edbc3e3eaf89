using System.Collections.Concurrent;

namespace CoworkSync.IntegrationTests.Support.Secrets;

/// <summary>
/// Every secret any app of this test run was given or made (API keys, webhook secrets, OAuth and space tokens,
/// callback tokens, the password key, WiFi passwords, function keys), registered as it is configured; and the check
/// every app's log goes through when the app is disposed: in-process apps (<see cref="LocalFunctionApp"/>, through
/// <see cref="RecordingSecretStore"/>, <see cref="RecordingPasswordProtector"/> and a log collector) and the
/// out-of-process ones (<c>AppProcess</c>, its stdout). A secret in a log line fails the test that ran the app.
/// </summary>
public static class SecretsInLogs
{
    // Shorter values (a test's "x", an empty secret) would match ordinary text.
    private const int ShortestSecret = 8;
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);
    private static int _linesChecked;

    public static int Registered => Secrets.Count;

    /// <summary>How many log lines were checked so far in this run.</summary>
    public static int LinesChecked => _linesChecked;

    public static void Register(string? secret)
    {
        if (secret is null || secret.Length < ShortestSecret)
            return;
        Secrets.TryAdd(secret, 0);
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
            Secrets.TryAdd(escaped, 0);
    }

    /// <summary>Lines of <paramref name="source"/> that hold a registered secret, with the secret masked.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> lines)
    {
        var secrets = Secrets.Keys.ToArray();
        var found = new List<string>();
        foreach (var line in lines)
        {
            Interlocked.Increment(ref _linesChecked);
            foreach (var secret in secrets)
            {
                if (line.Contains(secret, StringComparison.Ordinal))
                    found.Add($"a secret of {secret.Length} characters starting '{secret[..3]}…' in: {line.Replace(secret, "<SECRET>", StringComparison.Ordinal)}");
            }
        }
        return found;
    }

    /// <exception cref="SecretInLogException">A line of <paramref name="source"/> holds a registered secret.</exception>
    public static void Check(string source, IEnumerable<string> lines)
    {
        var found = Find(lines);
        if (found.Count > 0)
            throw new SecretInLogException($"{found.Count} log line(s) of {source} hold a secret:{Environment.NewLine}{string.Join(Environment.NewLine, found.Take(10))}");
    }
}

public sealed class SecretInLogException(string message) : Exception(message);
