using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Console.Connectors;

namespace CoworkSync.UnitTests.Console.Connectors;

public sealed class PlanMappingRowTests
{
    [Fact]
    public void Of_EachReportedPlanWithTheMappingThatAppliesToIt_ThenTheMappingsNoReportedPlanUses()
    {
        PlatformPlan[] plans = [new("pln_flex", "Flex"), new("pln_day", "Day pass"), new("pln_virtual", "Virtual")];
        PlanMappingView[] mappings =
        [
            new("pln_flex", "Flex", ["flex"]),
            new(null, "Virtual", []),
            new("pln_gone", "Old plan", ["dedicated"]),
        ];

        var rows = PlanMappingRow.Of(plans, mappings);

        Assert.Equal(
            [
                new PlanMappingRow("pln_flex", "Flex", true, ["flex"]),
                new PlanMappingRow("pln_day", "Day pass", true, null),
                new PlanMappingRow("pln_virtual", "Virtual", true, []),
                new PlanMappingRow("pln_gone", "Old plan", false, ["dedicated"]),
            ],
            rows,
            new RowComparer());
    }

    [Fact]
    public void Of_NoPlansReported_ListsTheMappingsAsNotReported()
    {
        var rows = PlanMappingRow.Of([], [new("pln_flex", "Flex", ["flex"])]);

        var row = Assert.Single(rows);
        Assert.False(row.Reported);
        Assert.Equal(["flex"], row.Groups!);
    }

    private sealed class RowComparer : IEqualityComparer<PlanMappingRow>
    {
        public bool Equals(PlanMappingRow? x, PlanMappingRow? y) =>
            x!.PlanId == y!.PlanId && x.PlanName == y.PlanName && x.Reported == y.Reported
            && (x.Groups is null ? y.Groups is null : y.Groups is not null && x.Groups.SequenceEqual(y.Groups));

        public int GetHashCode(PlanMappingRow obj) => HashCode.Combine(obj.PlanId, obj.PlanName);
    }
}
