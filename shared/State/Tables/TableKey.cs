using System.Buffers;
using System.Globalization;
using System.Text;

namespace CoworkSync.State.Tables;

/// <summary>
/// Escapes text for use as a PartitionKey or RowKey. Table Storage forbids <c>/ \ # ?</c> and control
/// characters in keys; they and the escape character <c>%</c> itself become <c>%XX</c>, so escaping is reversible.
/// </summary>
public static class TableKey
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\#?%");

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Forbidden) && !ContainsControl(value))
            return value;

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
            return key;

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length
                && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }
        return builder.ToString();
    }

    private static bool ContainsControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
                return true;
        }
        return false;
    }
}
