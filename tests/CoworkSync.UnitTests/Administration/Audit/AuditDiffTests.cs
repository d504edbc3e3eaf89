using CoworkSync.Administration.Audit;

namespace CoworkSync.UnitTests.Administration.Audit;

/// <summary>Before and after, value by value, as an operator reads them.</summary>
public sealed class AuditDiffTests
{
    [Fact]
    public void Between_KeepsOnlyTheValuesThatChanged_ByTheirPath()
    {
        var before = new { displayName = "Mitte", settings = new { autoProvision = true, syncIntervalMinutes = 15 }, locations = new[] { new { id = "loc_1", timeZone = "Europe/Berlin" } } };
        var after = new { displayName = "Mitte", settings = new { autoProvision = false, syncIntervalMinutes = 15 }, locations = new[] { new { id = "loc_1", timeZone = "Europe/London" } } };

        var changes = AuditDiff.Between(before, after);

        Assert.Equal(
            [new AuditChange("settings.autoProvision", "true", "false"), new AuditChange("locations[0].timeZone", "Europe/Berlin", "Europe/London")],
            changes);
    }

    [Fact]
    public void Between_ShowsAListOfPlainValuesAsOneValue()
    {
        var changes = AuditDiff.Between(new { nasIdentifiers = new[] { "a-*" } }, new { nasIdentifiers = new[] { "a-*", "b-*" } });

        Assert.Equal([new AuditChange("nasIdentifiers", "a-*", "a-*, b-*")], changes);
    }

    [Fact]
    public void Between_NothingBefore_ListsEveryValueSet_AndARemovedValueHasNoAfter()
    {
        var created = AuditDiff.Between(null, new { id = "flex", hours = 40 });
        var removed = AuditDiff.Between(new Dictionary<string, string> { ["Flex"] = "flex", ["Virtual"] = "no WiFi" }, new Dictionary<string, string> { ["Flex"] = "flex" });

        Assert.Equal([new AuditChange("id", null, "flex"), new AuditChange("hours", null, "40")], created);
        Assert.Equal([new AuditChange("Virtual", "no WiFi", null)], removed);
    }

    [Fact]
    public void Between_EqualStates_HasNoChange() =>
        Assert.Empty(AuditDiff.Between(new { a = 1, b = new[] { "x" } }, new { a = 1, b = new[] { "x" } }));

    [Fact]
    public void Between_CutsALongValue_AndSumsUpManyChanges()
    {
        var longValue = new string('x', AuditDiff.MaxValueLength + 50);
        var many = Enumerable.Range(0, AuditDiff.MaxChanges + 10).ToDictionary(i => $"k{i}", i => i);

        var cut = Assert.Single(AuditDiff.Between(null, new { v = longValue }));
        var changes = AuditDiff.Between(null, many);

        Assert.Equal(AuditDiff.MaxValueLength, cut.After!.Length);
        Assert.EndsWith("…", cut.After, StringComparison.Ordinal);
        Assert.Equal(AuditDiff.MaxChanges, changes.Count);
        Assert.Equal("11 more changes", changes[^1].After);
    }

    [Theory]
    [InlineData(0, "no value changed")]
    [InlineData(1, "1 value changed")]
    [InlineData(3, "3 values changed")]
    public void Count_SaysHowManyValuesChanged_InGoodEnglish(int changes, string expected) => Assert.Equal(expected, AuditDiff.Count(changes));
}
