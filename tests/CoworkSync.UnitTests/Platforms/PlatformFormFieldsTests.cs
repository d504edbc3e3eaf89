using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms;

/// <summary>
/// Each platform's settings section as a form: the fields its rules read, the values a stored connector shows, and a
/// form sent back unchanged giving the same settings (so editing a connector in the console changes only what was edited).
/// </summary>
public sealed class PlatformFormFieldsTests
{
    public static TheoryData<string> Platforms => new() { CoworksPlatform.PlatformName, CobotPlatform.PlatformName };

    [Theory]
    [MemberData(nameof(Platforms))]
    public void TheStoredValues_SentBackThroughTheForm_ReadAsTheSameSettings(string platform)
    {
        var (settings, section) = Section(platform);
        var stored = Connector(platform, Read(settings, section));

        var values = settings.FieldValues(stored);
        var again = settings.Read(PlatformSectionForm.ToSection(settings.Fields, name => values.GetValueOrDefault(name)), null);

        Assert.Empty(again.Errors);
        Assert.Equal(stored.PlatformSettings, again.Settings);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void EveryRequiredFieldLeftEmpty_IsNamedByThePlatformsOwnRule(string platform)
    {
        var (settings, _) = Section(platform);

        var reading = settings.Read(PlatformSectionForm.ToSection(settings.Fields, _ => null), null);

        var required = settings.Fields.Where(f => f.Required).Select(f => PlatformSectionForm.ErrorPath(platform, f.Name)).Order(StringComparer.Ordinal);
        Assert.NotEmpty(required);
        Assert.Equal(required, reading.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CobotOrigins_AtTheirDefaults_ShowEmpty_SoAChangedSubdomainMovesTheApiOrigin()
    {
        var settings = new CobotSettingsSection();
        var stored = Connector(CobotPlatform.PlatformName, Read(settings, new CobotSettingsSection.Input("co-up")));

        var values = settings.FieldValues(stored);
        var renamed = settings.Read(PlatformSectionForm.ToSection(settings.Fields, name => name == "subdomain" ? "co-down" : values.GetValueOrDefault(name)), null);

        Assert.Null(values["apiBaseUrl"]);
        Assert.Null(values["oauthBaseUrl"]);
        Assert.Equal("false", values["customFieldGroups"]);
        Assert.Equal(new Uri("https://co-down.cobot.me/"), renamed.Settings!.As<CobotConnectorSettings>().ApiBaseUrl);
    }

    [Fact]
    public void CobotOrigins_Overridden_AreShownAsSet()
    {
        var settings = new CobotSettingsSection();
        var stored = Connector(CobotPlatform.PlatformName, Read(settings, new CobotSettingsSection.Input("co-up", "http://127.0.0.1:5000", "http://127.0.0.1:5001", true, "Groups")));

        var values = settings.FieldValues(stored);

        Assert.Equal("http://127.0.0.1:5000", values["apiBaseUrl"]);
        Assert.Equal("http://127.0.0.1:5001", values["oauthBaseUrl"]);
        Assert.Equal("true", values["customFieldGroups"]);
        Assert.Equal("Groups", values["customFieldLabel"]);
    }

    [Fact]
    public void AnotherPlatformsConnector_ShowsNoValues() =>
        Assert.Empty(new CoworksSettingsSection().FieldValues(Connector(CobotPlatform.PlatformName, null)));

    private static (IPlatformSettings Settings, object Section) Section(string platform) => platform == CoworksPlatform.PlatformName
        ? (new CoworksSettingsSection(), new { apiBaseUrl = "https://api.coworks.example/", spaceId = "spc_1" })
        : (new CobotSettingsSection(), new CobotSettingsSection.Input("co-up", CustomFieldGroups: true, CustomFieldLabel: "Groups"));

    private static PlatformSettings Read(IPlatformSettings settings, object section)
    {
        var reading = settings.Read(System.Text.Json.JsonSerializer.SerializeToElement(section, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), null);
        Assert.Empty(reading.Errors);
        return reading.Settings!;
    }

    private static Connector Connector(string platform, PlatformSettings? settings) =>
        new() { Id = "c-1", Platform = platform, DisplayName = "C", PlatformSettings = settings };
}
