namespace CoworkSync.NetworkAccess;

/// <summary>
/// Matches a NAS by its <c>NAS-Identifier</c> or <c>Called-Station-Id</c> against an operator's pattern, where
/// <c>*</c> stands for any run of characters (e.g. <c>mitte-ap-*</c>, <c>AA-BB-CC-*:Members</c>). Case-insensitive.
/// </summary>
public static class NasPattern
{
    public static bool Matches(string pattern, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return false;
        return Match(pattern.AsSpan(), value.AsSpan());
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
            return pattern.Equals(value, StringComparison.OrdinalIgnoreCase);
        var head = pattern[..star];
        if (!value.StartsWith(head, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = pattern[(star + 1)..];
        if (rest.IsEmpty)
            return true;
        for (var i = head.Length; i <= value.Length; i++)
        {
            if (Match(rest, value[i..]))
                return true;
        }
        return false;
    }
}
