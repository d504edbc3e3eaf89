using System.Text;

namespace CoworkSync.Connectors.Updates;

/// <summary>
/// A location's optional names for members' devices: the WiFi network's name (an SSID is 1 to 32 bytes of UTF-8) and
/// the name on the RADIUS server's certificate (a host name, <c>*</c> allowed as a label as Apple profiles accept it).
/// </summary>
public static class LocationNames
{
    public const int MaxNetworkNameBytes = 32;
    public const int MaxServerCertificateNameLength = 253;

    /// <summary>Null for a value left out or blank; otherwise the value trimmed.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What is wrong with an SSID; null when it is fine or not given.</summary>
    public static string? CheckNetworkName(string? name) =>
        Optional(name) is { } ssid && (Encoding.UTF8.GetByteCount(ssid) > MaxNetworkNameBytes || ssid.Any(char.IsControl))
            ? $"must be a WiFi network name (SSID): at most {MaxNetworkNameBytes} bytes, no control characters"
            : null;

    /// <summary>What is wrong with a server certificate's name; null when it is fine or not given.</summary>
    public static string? CheckServerCertificateName(string? name)
    {
        if (Optional(name) is not { } host)
            return null;
        var labels = host.Split('.');
        var valid = host.Length <= MaxServerCertificateNameLength
            && labels.All(label => label == "*" || (label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-'));
        return valid ? null : "must be the host name on the RADIUS server's certificate, such as radius.example.com (* may stand for one label)";
    }
}
