using CoworkSync.Connectors.Updates;

namespace CoworkSync.UnitTests.Connectors.Updates;

public sealed class LocationNamesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CoworkSync")]
    [InlineData("Café Wi-Fi 5 GHz")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void CheckNetworkName_AcceptsWhatAnSsidCanBe(string? name) => Assert.Null(LocationNames.CheckNetworkName(name));

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 bytes
    [InlineData("ééééééééééééééééé")] // 17 characters, 34 bytes of UTF-8
    [InlineData("tab\tin it")]
    public void CheckNetworkName_RefusesMoreThan32BytesOrControlCharacters(string name) => Assert.NotNull(LocationNames.CheckNetworkName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("radius.example.com")]
    [InlineData("RADIUS-1.Example.com")]
    [InlineData("wpa.*.example.com")]
    [InlineData("localhost")]
    public void CheckServerCertificateName_AcceptsHostNames_AndAWildcardLabel(string? name) => Assert.Null(LocationNames.CheckServerCertificateName(name));

    [Theory]
    [InlineData("radius server")]
    [InlineData("-radius.example.com")]
    [InlineData("radius..example.com")]
    [InlineData("https://radius.example.com")]
    [InlineData("radius.example.com/path")]
    public void CheckServerCertificateName_RefusesWhatIsNotAHostName(string name) => Assert.NotNull(LocationNames.CheckServerCertificateName(name));
}
