using System.Text;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// User names to try for a member, in order: their email, lowercased; then, if someone else has it, the email with
/// the member id added (<c>ada+mem_42@example.com</c>), then with connector and member id. Deterministic, so a
/// member always ends with the same name, and never another member's.
/// </summary>
public static class UsernamePolicy
{
    public static IReadOnlyList<string> Candidates(string connectorId, string email, string memberId)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var at = normalized.LastIndexOf('@');
        var (local, domain) = at > 0 ? (normalized[..at], normalized[at..]) : (normalized, "");
        var member = Sanitize(memberId);
        return [normalized, $"{local}+{member}{domain}", $"{local}+{Sanitize(connectorId)}-{member}{domain}"];
    }

    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        return builder.ToString();
    }
}
