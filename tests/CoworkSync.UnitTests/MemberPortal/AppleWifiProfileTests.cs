using System.Text;
using System.Xml.Linq;
using CoworkSync.MemberPortal.Profiles;

namespace CoworkSync.UnitTests.MemberPortal;

public sealed class AppleWifiProfileTests
{
    private static readonly WifiProfileRequest Request = new("berlin-mitte", "loc_mitte", "Berlin <Mitte> & Co", "Mitte Members", "ada@example.com", "radius.example.com");

    [Fact]
    public void TheProfile_IsAPropertyListWithOneWifiPayload_ForPeapWithTheUsername()
    {
        var (root, wifi) = Read(AppleWifiProfile.Generate(Request));

        Assert.Equal("Configuration", root["PayloadType"]);
        Assert.Equal(1, root["PayloadVersion"]);
        Assert.Equal("com.apple.wifi.managed", wifi["PayloadType"]);
        Assert.Equal("Mitte Members", wifi["SSID_STR"]);
        Assert.Equal("WPA2", wifi["EncryptionType"]);
        Assert.Equal(true, wifi["AutoJoin"]);
        var eap = (Dictionary<string, object>)wifi["EAPClientConfiguration"];
        Assert.Equal(new List<object> { 25 }, eap["AcceptEAPTypes"]);
        Assert.Equal("ada@example.com", eap["UserName"]);
        Assert.Equal(new List<object> { "radius.example.com" }, eap["TLSTrustedServerNames"]);
        Assert.False(eap.ContainsKey("UserPassword"));
        Assert.Equal("Berlin <Mitte> & Co WiFi", root["PayloadDisplayName"]);
    }

    [Fact]
    public void WithoutAServerCertificateName_NoServerIsPinned()
    {
        var (_, wifi) = Read(AppleWifiProfile.Generate(Request with { ServerCertificateName = null }));

        Assert.False(((Dictionary<string, object>)wifi["EAPClientConfiguration"]).ContainsKey("TLSTrustedServerNames"));
    }

    [Fact]
    public void IdentifiersAndUuids_AreTheSameForTheSameAccount_AndDifferForAnother()
    {
        var (first, firstWifi) = Read(AppleWifiProfile.Generate(Request));
        var (again, _) = Read(AppleWifiProfile.Generate(Request with { NetworkName = "Renamed" }));
        var (other, otherWifi) = Read(AppleWifiProfile.Generate(Request with { Username = "grace@example.com" }));

        Assert.Equal(first["PayloadUUID"], again["PayloadUUID"]);
        Assert.NotEqual(first["PayloadUUID"], other["PayloadUUID"]);
        Assert.NotEqual(firstWifi["PayloadUUID"], otherWifi["PayloadUUID"]);
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", (string)first["PayloadUUID"]);
        Assert.Equal("coworksync.wifi.berlin-mitte.loc-mitte.ada-example-com", first["PayloadIdentifier"]);
    }

    [Fact]
    public void TheDocument_DeclaresApplesPlistDoctype_InUtf8WithoutAByteOrderMark()
    {
        var bytes = AppleWifiProfile.Generate(Request);

        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mitte Members", "Mitte-Members.mobileconfig")]
    [InlineData("Café / 5 GHz", "Caf----5-GHz.mobileconfig")]
    [InlineData("///", "wifi.mobileconfig")]
    public void FileName_KeepsOnlyLettersDigitsAndDashes(string network, string expected) => Assert.Equal(expected, AppleWifiProfile.FileName(network));

    /// <summary>A small reader of the plist XML format (dict, array, string, integer, true, false), independent of the writer.</summary>
    private static (Dictionary<string, object> Root, Dictionary<string, object> Wifi) Read(byte[] profile)
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(profile), LoadOptions.None);
        Assert.Equal("plist", document.Root!.Name.LocalName);
        Assert.Equal("1.0", document.Root.Attribute("version")?.Value);
        var root = (Dictionary<string, object>)Value(document.Root.Elements().Single());
        var content = (List<object>)root["PayloadContent"];
        return (root, (Dictionary<string, object>)Assert.Single(content));
    }

    private static object Value(XElement element) => element.Name.LocalName switch
    {
        "dict" => element.Elements().Chunk(2).ToDictionary(pair => { Assert.Equal("key", pair[0].Name.LocalName); return pair[0].Value; }, pair => Value(pair[1])),
        "array" => element.Elements().Select(Value).ToList(),
        "string" => element.Value,
        "integer" => int.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture),
        "true" => true,
        "false" => false,
        var other => throw new InvalidOperationException($"Not a plist element: {other}"),
    };
}
