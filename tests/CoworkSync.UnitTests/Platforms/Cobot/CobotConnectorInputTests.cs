using CoworkSync.Connectors.Updates;
using CoworkSync.Platforms.Cobot;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotConnectorInputTests
{
    private static readonly CoworkSync.Connectors.Seam.PlatformRegistry Platforms = TestPlatforms.Registry();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASubdomain_DefaultsTheApiAndOAuthUrls_AndAnHourlySync()
    {
        var input = Input(new CobotSettingsSection.Input("co-up"));

        Assert.Empty(input.Validate(Platforms));
        var connector = input.ToConnector("co-up", null, Now, Platforms);
        var cobot = CobotConnectorSettings.Of(connector);
        Assert.Equal(new Uri("https://co-up.cobot.me/"), cobot!.ApiBaseUrl);
        Assert.Equal(new Uri("https://www.cobot.me/"), cobot.OAuthBaseUrl);
        Assert.Equal("WiFi groups", cobot.CustomFieldLabel);
        Assert.False(cobot.CustomFieldGroups);
        Assert.Equal(60, connector.Settings.SyncIntervalMinutes);
        Assert.Null(CoworkSync.Platforms.Coworks.CoworksConnectorSettings.Of(connector));
    }

    [Fact]
    public void Overrides_AreKept()
    {
        var connector = Input(new CobotSettingsSection.Input("co-up", "http://127.0.0.1:5000", "http://127.0.0.1:5000/", true, " Groups ")).ToConnector("co-up", null, Now, Platforms);

        var cobot = CobotConnectorSettings.Of(connector);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), cobot!.ApiBaseUrl);
        Assert.True(cobot.CustomFieldGroups);
        Assert.Equal("Groups", cobot.CustomFieldLabel);
    }

    [Theory]
    [InlineData("Co Up", null, null, 60, "cobot.subdomain")]
    [InlineData("", null, null, 60, "cobot.subdomain")]
    [InlineData("co-up", "ftp://x", null, 60, "cobot.apiBaseUrl")]
    [InlineData("co-up", "https://x/api", null, 60, "cobot.apiBaseUrl")]
    [InlineData("co-up", null, "not a url", 60, "cobot.oauthBaseUrl")]
    [InlineData("co-up", null, null, 90, "settings.syncIntervalMinutes")]
    public void InvalidCobotInput_NamesTheField(string subdomain, string? api, string? oauth, int interval, string field)
    {
        var input = Input(new CobotSettingsSection.Input(subdomain, api, oauth)) with
        {
            Settings = new ConnectorInput.SettingsInput(null, null, interval, null),
        };

        Assert.Contains(input.Validate(Platforms), e => e.Field == field);
    }

    [Fact]
    public void ACobotConnector_WithoutCobotSettings_IsRefused() =>
        Assert.Contains(Input(null).Validate(Platforms), e => e.Field == "cobot");

    private static ConnectorInput Input(CobotSettingsSection.Input? cobot) => new()
    {
        Platform = "cobot",
        DisplayName = "Co-Up",
        Locations = [new ConnectorInput.LocationInput("loc_1", "Berlin", "Europe/Berlin")],
        Sections = cobot is null ? null : TestPlatforms.Section("cobot", cobot),
    };
}
