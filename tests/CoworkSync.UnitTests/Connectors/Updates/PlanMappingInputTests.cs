using CoworkSync.Connectors.Updates;

namespace CoworkSync.UnitTests.Connectors.Updates;

public sealed class PlanMappingInputTests
{
    private static readonly HashSet<string> Known = ["flex", "fulltime", "trial"];

    [Fact]
    public void Validate_AGoodMapping_HasNoErrors() =>
        Assert.Empty(PlanMappingInput.Validate([new("pln_flex", "Flex", ["flex"]), new(null, "Virtual", [])], Known));

    [Fact]
    public void Validate_NamesEachBadItemWithItsReason()
    {
        var errors = PlanMappingInput.Validate(
        [
            null,
            new(" ", null, ["flex"]),
            new("pln_x", "X", ["flex"]),
            new("pln_x", "Again", ["flex"]),
            new("pln_y", "Y", null),
            new("pln_z", "Z", ["flex", "vip"]),
        ], Known).ToDictionary(e => e.Field, e => e.Reason);

        Assert.Equal("must be an object", errors["[0]"]);
        Assert.Equal("or planName is required", errors["[1].planId"]);
        Assert.Equal("maps \"pln_x\" twice", errors["[3].planId"]);
        Assert.Equal("is required (an empty list means no WiFi)", errors["[4].groups"]);
        Assert.Equal("names an unknown access group \"vip\"; known: flex, fulltime, trial", errors["[5].groups"]);
        Assert.False(errors.ContainsKey("[2].planId"));
    }

    [Fact]
    public void ToMappings_TrimsAndKeepsEachGroupOnce_AndMatchesByNameWithoutAnId()
    {
        var mappings = PlanMappingInput.ToMappings([new(" pln_flex ", null, ["flex", "flex", "trial"]), new("", " Virtual ", [])]);

        Assert.Equal("pln_flex", mappings[0].PlanId);
        Assert.Equal("pln_flex", mappings[0].PlanName);
        Assert.Equal(["flex", "trial"], mappings[0].Groups);
        Assert.Null(mappings[1].PlanId);
        Assert.Equal("Virtual", mappings[1].PlanName);
        Assert.Empty(mappings[1].Groups);
    }
}
