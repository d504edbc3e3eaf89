using CoworkSync.Connectors;

namespace CoworkSync.UnitTests.Connectors;

public sealed class ConnectorInputTests
{
    [Fact]
    public void Validate_ACompleteCoworksConnector_HasNoErrors() => Assert.Empty(Valid().Validate());

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

        var errors = input.Validate().ToDictionary(e => e.Field, e => e.Reason);

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
        var input = Valid() with { Coworks = apiBaseUrl is null ? null : new(apiBaseUrl, "spc_1") };

        Assert.Contains(input.Validate(), e => e.Field == field);
    }

    [Fact]
    public void ToConnector_KeepsTheExistingPlanMappingsAndCreationTime()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var existing = Valid().ToConnector("berlin", null, now.AddDays(-3)) with
        {
            PlanMappings = [new CoworkSync.Connectors.PlanMapping("pln_x", "X", ["flex"])],
        };

        var updated = Valid().ToConnector("berlin", existing, now);

        Assert.Equal(existing.PlanMappings, updated.PlanMappings);
        Assert.Equal(now.AddDays(-3), updated.CreatedAt);
        Assert.Equal(now, updated.UpdatedAt);
        Assert.Equal(new Uri("https://api.coworks.example/"), updated.Coworks!.ApiBaseUrl);
    }

    private static ConnectorInput Valid() => new()
    {
        Platform = "coworks",
        DisplayName = "Berlin Mitte",
        Locations = [new("loc_1", "Mitte", "Europe/Berlin")],
        Coworks = new("https://api.coworks.example", "spc_123"),
        Settings = new(true, true, 15, true),
    };
}
