using CoworkSync.Connectors;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotConnectorInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASubdomain_DefaultsTheApiAndOAuthUrls_AndAnHourlySync()
    {
        var input = Input(new ConnectorInput.CobotInput("co-up"));

        Assert.Empty(input.Validate());
        var connector = input.ToConnector("co-up", null, Now);
        Assert.Equal(new Uri("https://co-up.cobot.me/"), connector.Cobot!.ApiBaseUrl);
        Assert.Equal(new Uri("https://www.cobot.me/"), connector.Cobot.OAuthBaseUrl);
        Assert.Equal("WiFi groups", connector.Cobot.CustomFieldLabel);
        Assert.False(connector.Cobot.CustomFieldGroups);
        Assert.Equal(60, connector.Settings.SyncIntervalMinutes);
        Assert.Null(connector.Coworks);
    }

    [Fact]
    public void Overrides_AreKept()
    {
        var connector = Input(new ConnectorInput.CobotInput("co-up", "http://127.0.0.1:5000", "http://127.0.0.1:5000/", true, " Groups ")).ToConnector("co-up", null, Now);

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), connector.Cobot!.ApiBaseUrl);
        Assert.True(connector.Cobot.CustomFieldGroups);
        Assert.Equal("Groups", connector.Cobot.CustomFieldLabel);
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
        var input = Input(new ConnectorInput.CobotInput(subdomain, api, oauth)) with
        {
            Settings = new ConnectorInput.SettingsInput(null, null, interval, null),
        };

        Assert.Contains(input.Validate(), e => e.Field == field);
    }

    [Fact]
    public void ACobotConnector_WithoutCobotSettings_IsRefused() =>
        Assert.Contains(Input(null).Validate(), e => e.Field == "cobot");

    private static ConnectorInput Input(ConnectorInput.CobotInput? cobot) => new()
    {
        Platform = "cobot",
        DisplayName = "Co-Up",
        Locations = [new ConnectorInput.LocationInput("loc_1", "Berlin", "Europe/Berlin")],
        Cobot = cobot,
    };
}
