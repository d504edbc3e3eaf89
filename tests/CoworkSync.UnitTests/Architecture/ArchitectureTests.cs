using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Architecture;

/// <summary>
/// The product keeps its shape: each platform is one folder nothing else names, and no two rooms (nor two folders)
/// use each other in a loop. docs/architecture.md draws the graph these tests enforce.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheProductsDependencies_AreRead_MethodBodiesIncluded()
    {
        var all = ProductDependencies.All;

        Assert.True(all.Count > 1000, $"only {all.Count} dependencies read: is an assembly missing?");
        // A call inside a method body (the sync handler throwing a permanent failure), not only signatures.
        Assert.Contains(all, d => d.FromOuter == "CoworkSync.Members.Sync.ConnectorSyncHandler" && d.To == "CoworkSync.Messaging.Processing.PermanentEventException");
        Assert.Contains(all, d => d.FromNamespace.StartsWith("CoworkSync.Functions.", StringComparison.Ordinal));
    }

    [Fact]
    public void NoTypeOutsideAPlatformsFolders_UsesThePlatformsTypes() =>
        Assert.Empty(ArchitectureRules.PlatformViolations(ProductDependencies.All));

    /// <summary>The test-only platform (tests/…/Platforms/Acme) proves the seam only while no product file knows it.</summary>
    [Fact]
    public void NoProductFile_NamesTheTestOnlyPlatform()
    {
        var naming = from folder in new[] { "shared", "functions" }
                     from file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories)
                     let relative = Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/')
                     where !relative.Split('/').Any(part => part is "bin" or "obj") && (relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".json", StringComparison.Ordinal))
                     where File.ReadAllText(file).Contains("acme", StringComparison.OrdinalIgnoreCase)
                     select relative;

        Assert.Empty(naming);
    }

    [Fact]
    public void TheRooms_UseEachOtherWithoutALoop()
    {
        var graph = ArchitectureRules.RoomGraph(ProductDependencies.All);

        Assert.Contains("Platforms.Cobot", graph.Keys);
        Assert.Contains("Administration", graph.Keys);
        Assert.Empty(CycleFinder.Find(graph).Select(loop => string.Join(" ⇄ ", loop)));
    }

    [Fact]
    public void TheFolders_UseEachOtherWithoutALoop()
    {
        var graph = ArchitectureRules.FolderGraph(ProductDependencies.All);

        Assert.Contains("CoworkSync.Members.WelcomeEmails", graph.Keys);
        Assert.Empty(CycleFinder.Find(graph).Select(loop => string.Join(" ⇄ ", loop)));
    }

    [Fact]
    public void TheLayers_AreTheOnesDocumented()
    {
        var graph = ArchitectureRules.RoomGraph(ProductDependencies.All);
        IReadOnlySet<string> Uses(string room) => graph.GetValueOrDefault(room) ?? new HashSet<string>();

        Assert.DoesNotContain(Uses("State"), r => r is not "Outcomes");
        Assert.DoesNotContain("Connectors", Uses("Access"));
        Assert.DoesNotContain("Members", Uses("Connectors"));
        Assert.DoesNotContain("Administration", Uses("Members"));
        Assert.DoesNotContain(graph.Keys.Where(r => !r.StartsWith("Platforms.", StringComparison.Ordinal) && !r.StartsWith("Functions.Platforms.", StringComparison.Ordinal)),
            r => Uses(r).Any(used => used.StartsWith("Platforms.", StringComparison.Ordinal)));
    }
}
