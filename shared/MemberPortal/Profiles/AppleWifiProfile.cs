using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace CoworkSync.MemberPortal.Profiles;

/// <summary>
/// An Apple configuration profile (<c>.mobileconfig</c>, an XML property list) with one Wi-Fi payload
/// (<c>com.apple.wifi.managed</c>) for the space's WPA2/WPA3-Enterprise network: PEAP (EAP type 25), the member's user
/// name filled in, no password (the device asks for it once), and, when the operator named the RADIUS server's
/// certificate, that name as the only trusted server (<c>TLSTrustedServerNames</c>). <c>EncryptionType</c> <c>WPA2</c>
/// joins WPA2 and WPA3 networks (iOS 16, macOS 13 and later). Unsigned: the device says so when it is installed.
/// Identifiers and UUIDs are derived from the connector, location and user name, so installing a newer copy replaces the
/// older one instead of adding a second network.
/// </summary>
public static class AppleWifiProfile
{
    public const string ContentType = "application/x-apple-aspen-config";
    public const int PeapEapType = 25;

    public static byte[] Generate(WifiProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var identifier = $"coworksync.wifi.{Label(request.ConnectorId)}.{Label(request.LocationId)}.{Label(request.Username)}";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " }))
        {
            xml.WriteStartDocument();
            xml.WriteDocType("plist", "-//Apple//DTD PLIST 1.0//EN", "http://www.apple.com/DTDs/PropertyList-1.0.dtd", null);
            xml.WriteStartElement("plist");
            xml.WriteAttributeString("version", "1.0");
            xml.WriteStartElement("dict");

            Key(xml, "PayloadContent");
            xml.WriteStartElement("array");
            xml.WriteStartElement("dict");
            Key(xml, "AutoJoin");
            xml.WriteElementString("true", null);
            Key(xml, "EAPClientConfiguration");
            xml.WriteStartElement("dict");
            Key(xml, "AcceptEAPTypes");
            xml.WriteStartElement("array");
            xml.WriteElementString("integer", PeapEapType.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            if (request.ServerCertificateName is { Length: > 0 } server)
            {
                Key(xml, "TLSTrustedServerNames");
                xml.WriteStartElement("array");
                xml.WriteElementString("string", server);
                xml.WriteEndElement();
            }
            String(xml, "UserName", request.Username);
            xml.WriteEndElement();
            String(xml, "EncryptionType", "WPA2");
            Key(xml, "HIDDEN_NETWORK");
            xml.WriteElementString("false", null);
            String(xml, "PayloadDescription", $"Joins {request.NetworkName} with your WiFi account {request.Username}.");
            String(xml, "PayloadDisplayName", $"WiFi: {request.NetworkName}");
            String(xml, "PayloadIdentifier", identifier + ".network");
            String(xml, "PayloadType", "com.apple.wifi.managed");
            String(xml, "PayloadUUID", Uuid(identifier + ".network"));
            Integer(xml, "PayloadVersion", 1);
            String(xml, "SSID_STR", request.NetworkName);
            xml.WriteEndElement();
            xml.WriteEndElement();

            String(xml, "PayloadDescription", $"The WiFi network of {request.SpaceName}.");
            String(xml, "PayloadDisplayName", $"{request.SpaceName} WiFi");
            String(xml, "PayloadIdentifier", identifier);
            String(xml, "PayloadOrganization", request.SpaceName);
            Key(xml, "PayloadRemovalDisallowed");
            xml.WriteElementString("false", null);
            String(xml, "PayloadType", "Configuration");
            String(xml, "PayloadUUID", Uuid(identifier));
            Integer(xml, "PayloadVersion", 1);

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>A file name for the download: <c>{network}.mobileconfig</c> with only letters, digits and <c>-</c>.</summary>
    public static string FileName(string networkName)
    {
        var safe = new string([.. (networkName ?? "").Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return (safe.Length == 0 ? "wifi" : safe) + ".mobileconfig";
    }

    private static void Key(XmlWriter xml, string key) => xml.WriteElementString("key", key);

    private static void String(XmlWriter xml, string key, string value)
    {
        Key(xml, key);
        xml.WriteElementString("string", value);
    }

    private static void Integer(XmlWriter xml, string key, int value)
    {
        Key(xml, key);
        xml.WriteElementString("integer", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A reverse-DNS label: lowercase letters, digits and <c>-</c>.</summary>
    private static string Label(string value)
    {
        var label = new string([.. value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return label.Length == 0 ? "x" : label;
    }

    /// <summary>A UUID (version 8, RFC 9562's custom kind) from the SHA-256 of <paramref name="name"/>: the same name, the same UUID.</summary>
    private static string Uuid(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D").ToUpperInvariant();
    }
}

/// <param name="ConnectorId">The member's connector.</param>
/// <param name="LocationId">Their location.</param>
/// <param name="SpaceName">The space's name.</param>
/// <param name="NetworkName">The SSID.</param>
/// <param name="Username">The WiFi user name.</param>
/// <param name="ServerCertificateName">The RADIUS server certificate's name to trust; null when the operator set none.</param>
public sealed record WifiProfileRequest(string ConnectorId, string LocationId, string SpaceName, string NetworkName, string Username, string? ServerCertificateName);
