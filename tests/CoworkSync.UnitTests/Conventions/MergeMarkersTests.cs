using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Conventions;

/// <summary>
/// No text file of the repository holds a merge's conflict markers: a stylesheet, a page or a script keeps building
/// with them inside, so the build alone does not catch one committed by mistake.
/// </summary>
public sealed class MergeMarkersTests
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".data", ".git", "artifacts"];
    private static readonly string[] TextExtensions = [".cs", ".razor", ".css", ".js", ".md", ".json", ".sh", ".bicep", ".props", ".targets", ".csproj", ".lua", ".txt", ".yml", ".yaml", ".conf"];

    [Fact]
    public void NoTextFile_HoldsConflictMarkers()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(RepositoryRoot.Path, file).Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part)))
            .Where(file => TextExtensions.Contains(Path.GetExtension(file)))
            .ToList();
        Assert.True(files.Count > 100, "too few files found: is the scan broken?");

        var marked = from file in files
                     from line in File.ReadLines(file).Select((text, index) => (text, index))
                     where line.text.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line.text.StartsWith(">>>>>>> ", StringComparison.Ordinal)
                     select $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{line.index + 1}";
        Assert.Empty(marked);
    }
}
