using System.Buffers.Text;
using System.Text;

namespace CoworkSync.Members.Lookup;

/// <summary>
/// Where a name search stopped: the last index row a page held, by connector and row key. The next page starts after
/// it in the merged order (row key, then connector), so paging needs no state on the server.
/// </summary>
public sealed record MemberNameCursor(string ConnectorId, string RowKey)
{
    public override string ToString() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ConnectorId + "\n" + RowKey));

    /// <summary>Reads a cursor <see cref="ToString"/> made; false for anything else.</summary>
    public static bool TryParse(string? text, out MemberNameCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
            return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var separator = decoded.IndexOf('\n', StringComparison.Ordinal);
        if (separator <= 0 || separator == decoded.Length - 1 || decoded.Count(char.IsControl) != 1)
            return false;
        cursor = new MemberNameCursor(decoded[..separator], decoded[(separator + 1)..]);
        return true;
    }
}
