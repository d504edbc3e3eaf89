namespace CoworkSync.UnitTests.Architecture;

/// <summary>The cycle finder the architecture tests rely on finds loops of any length, and only loops.</summary>
public sealed class CycleFinderTests
{
    [Fact]
    public void ALayeredGraph_HasNoLoop() =>
        Assert.Empty(CycleFinder.Find(Graph(("Members", "Connectors"), ("Connectors", "State"), ("Members", "State"), ("State", "State"))));

    [Fact]
    public void TwoRoomsThatUseEachOther_AreALoop() =>
        Assert.Equal([["Connectors", "Members"]], CycleFinder.Find(Graph(("Members", "Connectors"), ("Connectors", "Members"), ("Members", "State"))));

    [Fact]
    public void ALoopThroughThreeRooms_IsFound_ThoughNoTwoUseEachOther() =>
        Assert.Equal([["A", "B", "C"]], CycleFinder.Find(Graph(("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"))));

    [Fact]
    public void SeparateLoops_AreEachFound()
    {
        var loops = CycleFinder.Find(Graph(("A", "B"), ("B", "A"), ("C", "D"), ("D", "E"), ("E", "C"), ("B", "C")));

        Assert.Equal(2, loops.Count);
        Assert.Contains(["A", "B"], loops);
        Assert.Contains(["C", "D", "E"], loops);
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.To).ToHashSet(StringComparer.Ordinal));
}
