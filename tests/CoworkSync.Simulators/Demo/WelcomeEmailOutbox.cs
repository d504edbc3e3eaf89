using System.Text.RegularExpressions;
using MimeKit;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// Reads the welcome emails local mode writes as <c>.eml</c> files (named <c>{time}-{recipient}-{random}.eml</c>):
/// where CoworkSync shows a member's WiFi password (no API returns one), so the demo takes it from there.
/// </summary>
public static partial class WelcomeEmailOutbox
{
    /// <summary>The address's emails, oldest first: their names start with the UTC time, to the millisecond.</summary>
    public static IReadOnlyList<string> FilesFor(string outbox, string emailAddress) =>
        Directory.Exists(outbox)
            ? [.. Directory.EnumerateFiles(outbox, "*.eml").Where(f => Path.GetFileName(f).Contains($"-{emailAddress.ToLowerInvariant()}-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The address's latest email (an account created again has a new password); <c>null</c> when there is none.</summary>
    public static string? Newest(string outbox, string emailAddress) => FilesFor(outbox, emailAddress).LastOrDefault();

    /// <summary>The <c>Password: …</c> line of the email's text part.</summary>
    public static string Password(string emlPath)
    {
        var message = MimeMessage.Load(emlPath);
        var match = PasswordLine().Match(message.TextBody ?? "");
        return match.Success ? match.Groups[1].Value.TrimEnd('\r') : throw new InvalidDataException($"{emlPath} has no 'Password:' line.");
    }

    [GeneratedRegex(@"^Password: (.+)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();
}
