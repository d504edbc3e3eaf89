using CoworkSync.Connectors.Updates;
using CoworkSync.Platforms.Coworks;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Connectors.Updates;

public sealed class ConnectorInputTests
{
    private static readonly CoworkSync.Connectors.Seam.PlatformRegistry Platforms = TestPlatforms.Registry();

    [Fact]
    public void Validate_ACompleteCoworksConnector_HasNoErrors() => Assert.Empty(Valid().Validate(Platforms));

    [Theory]
    [InlineData("berlin-mitte", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("Berlin", false)]
    [InlineData("-berlin", false)]
    [InlineData("berlin_mitte", false)]
    [InlineData("berlin/mitte", false)]
    public void IsValidConnectorId_AcceptsOnlyLowercaseSlugs(string id, bool valid) =>
        Assert.Equal(valid, ConnectorInput.IsValidConnectorId(id));

    [Fact]
    public void Validate_NamesEachBadFieldWithItsReason()
    {
        var input = Valid() with
        {
            Platform = "wework",
            DisplayName = " ",
            Locations = [new("loc_1", "Mitte", "Mars/Olympus"), new("loc_1", "Again", "Europe/Berlin"), null],
            Settings = new(null, null, 2, null),
        };

        var errors = input.Validate(Platforms).ToDictionary(e => e.Field, e => e.Reason);

        Assert.Contains("platform", errors.Keys);
        Assert.Contains("displayName", errors.Keys);
        Assert.Contains("IANA", errors["locations[0].timeZone"], StringComparison.Ordinal);
        Assert.Contains("repeats", errors["locations[1].id"], StringComparison.Ordinal);
        Assert.Contains("locations[2]", errors.Keys);
        Assert.Contains("settings.syncIntervalMinutes", errors.Keys);
    }

    [Theory]
    [InlineData(null, "coworks")]
    [InlineData("not a url", "coworks.apiBaseUrl")]
    [InlineData("ftp://api.example", "coworks.apiBaseUrl")]
    public void Validate_CoworksSettings_AreChecked(string? apiBaseUrl, string field)
    {
        var input = Valid() with { Sections = apiBaseUrl is null ? null : TestPlatforms.Section("coworks", new { apiBaseUrl, spaceId = "spc_1" }) };

        Assert.Contains(input.Validate(Platforms), e => e.Field == field);
    }

    [Fact]
    public void ToConnector_KeepsTheExistingPlanMappingsAndCreationTime()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var existing = Valid().ToConnector("berlin", null, now.AddDays(-3), Platforms) with
        {
            PlanMappings = [new CoworkSync.Connectors.PlanMapping("pln_x", "X", ["flex"])],
        };

        var updated = Valid().ToConnector("berlin", existing, now, Platforms);

        Assert.Equal(existing.PlanMappings, updated.PlanMappings);
        Assert.Equal(now.AddDays(-3), updated.CreatedAt);
        Assert.Equal(now, updated.UpdatedAt);
        Assert.Equal(new Uri("https://api.coworks.example/"), CoworksConnectorSettings.Of(updated)!.ApiBaseUrl);
    }

    [Fact]
    public void Validate_AnUnknownPlatform_NamesEveryRegisteredOne()
    {
        var errors = (Valid() with { Platform = "wework" }).Validate(Platforms);

        Assert.Equal("must be \"coworks\" or \"cobot\"", Assert.Single(errors, e => e.Field == "platform").Reason);
    }

    [Fact]
    public void Validate_ASectionOfAnyPlatformThatIsNotItsShape_IsTheOneError_AsABodyThatCannotBeRead()
    {
        var sections = TestPlatforms.Section("coworks", new { apiBaseUrl = "https://api.coworks.example", spaceId = "spc_123" });
        sections["cobot"] = System.Text.Json.JsonSerializer.SerializeToElement(5);

        var errors = (Valid() with { DisplayName = " ", Sections = sections }).Validate(Platforms);

        Assert.Equal(("cobot", "is not valid JSON of the expected shape"), Assert.Single(errors.Select(e => (e.Field, e.Reason))));
    }

    [Fact]
    public void Validate_ATypeErrorInsideTheSection_NamesTheFieldUnderThePlatform()
    {
        var errors = (Valid() with { Sections = TestPlatforms.Section("coworks", new { apiBaseUrl = 5, spaceId = "spc_1" }) }).Validate(Platforms);

        Assert.Equal("coworks.apiBaseUrl", Assert.Single(errors).Field);
    }

    [Fact]
    public void ToConnector_WithoutAnInterval_TakesThePlatformsDefault_AndStoresOnlyItsOwnSettings()
    {
        var input = Valid() with { Settings = null };
        input.Sections!["cobot"] = System.Text.Json.JsonSerializer.SerializeToElement(new { subdomain = "ignored" });

        var connector = input.ToConnector("berlin", null, DateTimeOffset.UnixEpoch, Platforms);

        Assert.Equal(15, connector.Settings.SyncIntervalMinutes);
        Assert.Equal("coworks", connector.Platform);
        Assert.Equal("""{"apiBaseUrl":"https://api.coworks.example/","spaceId":"spc_123"}""", connector.PlatformSettings!.JsonText);
    }

    [Fact]
    public void ToConnector_AnInvalidInput_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => (Valid() with { DisplayName = "" }).ToConnector("berlin", null, DateTimeOffset.UnixEpoch, Platforms));

    [Fact]
    public void ToConnector_KeepsALocationsNetworkAndServerCertificateNames_Trimmed_AndLeavesBlankOnesUnset()
    {
        var input = Valid() with
        {
            Locations = [new("loc_1", "Mitte", "Europe/Berlin", NetworkName: " Mitte Members ", ServerCertificateName: "radius.example.com "), new("loc_2", "Hafen", "Europe/Berlin", NetworkName: " ")],
        };

        var connector = input.ToConnector("berlin", null, DateTimeOffset.UnixEpoch, Platforms);

        Assert.Equal(("Mitte Members", "radius.example.com"), (connector.Locations[0].NetworkName, connector.Locations[0].ServerCertificateName));
        Assert.Equal((null, null), (connector.Locations[1].NetworkName, connector.Locations[1].ServerCertificateName));
    }

    [Fact]
    public void Validate_ALocationsNetworkOrServerCertificateName_ThatDevicesCannotUse_IsNamed()
    {
        var input = Valid() with { Locations = [new("loc_1", "Mitte", "Europe/Berlin", NetworkName: new string('x', 33), ServerCertificateName: "radius server")] };

        var errors = input.Validate(Platforms).ToDictionary(e => e.Field, e => e.Reason);

        Assert.Contains("32 bytes", errors["locations[0].networkName"], StringComparison.Ordinal);
        Assert.Contains("host name", errors["locations[0].serverCertificateName"], StringComparison.Ordinal);
    }

    private static ConnectorInput Valid() => new()
    {
        Platform = "coworks",
        DisplayName = "Berlin Mitte",
        Locations = [new("loc_1", "Mitte", "Europe/Berlin")],
        Sections = TestPlatforms.Section("coworks", new { apiBaseUrl = "https://api.coworks.example", spaceId = "spc_123" }),
        Settings = new(true, true, 15, true),
    };
}
