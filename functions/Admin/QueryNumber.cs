using System.Globalization;

namespace CoworkSync.Functions.Admin;

/// <summary>
/// A whole number from the query string, read by the function rather than by the framework's binder, which answers a
/// value it cannot read with an empty 400: here it gets a 400 that names the field and says why.
/// </summary>
public static class QueryNumber
{
    /// <returns>True with the number (null when absent); false when present but not a whole number.</returns>
    public static bool TryRead(string? text, out int? value)
    {
        value = null;
        if (text is null)
            return true;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return false;
        value = number;
        return true;
    }
}
