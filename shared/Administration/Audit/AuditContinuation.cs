using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CoworkSync.Administration.Audit;

/// <summary>
/// Where a page of the audit log goes on: the month partition and, within it, the table's own continuation (empty:
/// the month from its newest entry). Written as base64url of <c>{yyyy-MM}|{table token}</c>.
/// </summary>
public sealed record AuditContinuation(string Month, string? TableToken)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Month}|{TableToken}"));

    /// <summary>A token this log gave; null when it is not one (then nothing is listed).</summary>
    public static AuditContinuation? Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > 4096)
            return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(bytes);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !IsMonth(text[..bar]))
            return null;
        var tableToken = text[(bar + 1)..];
        return new AuditContinuation(text[..bar], tableToken.Length == 0 ? null : tableToken);
    }

    /// <summary>The month partition of a time: <c>yyyy-MM</c>, UTC.</summary>
    public static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsMonth(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
