namespace CoworkSync.NetworkAccess;

/// <summary>
/// The member's device as the access point names it in <c>Calling-Station-Id</c> (usually its MAC), written one way
/// whatever separators and case a NAS uses (<c>aa:bb:cc:dd:ee:ff</c> and <c>AA-BB-CC-DD-EE-FF</c> are one device).
/// </summary>
public static class CallingStation
{
    public static string? Of(RadiusAttributes request) => Normalize(request.String("Calling-Station-Id"));

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var kept = value.Where(c => c is not ('-' or ':' or '.') && !char.IsWhiteSpace(c)).ToArray();
        return kept.Length == 0 ? null : new string(kept).ToUpperInvariant();
    }
}
