using System.Text.RegularExpressions;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Conventions;

/// <summary>
/// README.md, docs/ and infra/'s notes name only files that exist: every relative markdown link, every backticked
/// path under a top-level folder (<c>shared/…</c>, <c>tests/…</c>, …; a <c>*</c> must match something), and every
/// backticked source file name (<c>CobotClient.cs</c>, which must be some file's name or the end of its path).
/// </summary>
public sealed partial class DocumentedPathsTests
{
    private static readonly string[] TopFolders = ["shared/", "functions/", "tests/", "infra/", "scripts/", "docs/", ".ci/"];
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".data", ".git"];

    private static readonly Lazy<IReadOnlyList<string>> RepositoryFiles = new(() =>
        [.. Directory.EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'))
            .Where(file => !file.Split('/').Any(part => Skipped.Contains(part)))]);

    private static IEnumerable<string> Documents()
    {
        yield return "README.md";
        foreach (var folder in new[] { "docs", "infra" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.md", SearchOption.AllDirectories))
                yield return Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/');
        }
    }

    private static List<(string Document, string Reference, string Path)> All(Func<string, string, IEnumerable<(string Reference, string Path)>> find) =>
        [.. from document in Documents()
            from found in find(document, File.ReadAllText(Path.Combine(RepositoryRoot.Path, document)))
            select (document, found.Reference, found.Path)];

    [Fact]
    public void TheDocuments_NameRepositoryFiles()
    {
        Assert.True(All(Links).Count >= 10, "too few markdown links found: is the scan broken?");
        Assert.True(All(BacktickedPaths).Count >= 30, "too few backticked paths found: is the scan broken?");
        Assert.True(All(BacktickedFileNames).Count >= 10, "too few backticked file names found: is the scan broken?");
    }

    [Fact]
    public void EveryRelativeLink_LeadsToAFileOrFolderInTheRepository()
    {
        var broken = All(Links).Where(link => !Exists(link.Path)).Select(link => $"{link.Document}: {link.Reference}");

        Assert.Empty(broken);
    }

    [Fact]
    public void EveryBacktickedPath_Exists()
    {
        var missing = All(BacktickedPaths).Where(path => !Exists(path.Path)).Select(path => $"{path.Document}: {path.Reference}");

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryBacktickedSourceFileName_IsAFileOfTheRepository()
    {
        var missing = All(BacktickedFileNames)
            .Where(name => !RepositoryFiles.Value.Any(file => file == name.Path || file.EndsWith("/" + name.Path, StringComparison.Ordinal)))
            .Select(name => $"{name.Document}: {name.Reference}");

        Assert.Empty(missing);
    }

    [Fact]
    public void TheScan_FindsLinksPathsAndFileNames_AndLeavesPlaceholdersAndUrlsAlone()
    {
        const string text = "See [the guide](../guide.md#top), [site](https://example.com) and [here](#anchor); run `bash scripts/x.sh`, "
            + "read `tests/A/*.cs` and `CobotClient.cs`, not `shared/…` or `docs/{name}.md` or `.data/logs` or `.data/run/out.md`.";

        Assert.Equal([("../guide.md#top", "guide.md")], Links("docs/a.md", text));
        Assert.Equal([("scripts/x.sh", "scripts/x.sh"), ("tests/A/*.cs", "tests/A/*.cs")], BacktickedPaths("docs/a.md", text));
        Assert.Equal([("CobotClient.cs", "CobotClient.cs")], BacktickedFileNames("docs/a.md", text));
        Assert.False(Exists("shared/NoSuchFolder/NoSuch.cs"));
        Assert.True(Exists("shared/Platforms/Cobot/Cobot*.cs"));
    }

    /// <summary>Relative markdown links, resolved against the document's folder (anchors dropped).</summary>
    private static IEnumerable<(string Reference, string Path)> Links(string document, string text)
    {
        foreach (Match match in MarkdownLink().Matches(text))
        {
            var target = match.Groups[1].Value;
            if (target.StartsWith('#') || UrlScheme().IsMatch(target))
                continue;
            var relative = target.Split('#')[0];
            var folder = Path.GetDirectoryName(document) ?? "";
            yield return (target, Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, folder, relative))).Replace('\\', '/'));
        }
    }

    /// <summary>Words of backticked text that start with a top-level folder of the repository.</summary>
    private static IEnumerable<(string Reference, string Path)> BacktickedPaths(string document, string text) =>
        from word in BacktickedWords(text)
        where TopFolders.Any(folder => word.StartsWith(folder, StringComparison.Ordinal)) && !IsPlaceholder(word)
        select (word, word);

    /// <summary>
    /// Backticked source file names without a top-level folder (<c>CobotClient.cs</c>, <c>Radius/XTests.cs</c>); what a
    /// run writes under <c>.data/</c> is not a file of the repository and is left alone.
    /// </summary>
    private static IEnumerable<(string Reference, string Path)> BacktickedFileNames(string document, string text) =>
        from word in BacktickedWords(text)
        where SourceFileName().IsMatch(word) && !TopFolders.Any(folder => word.StartsWith(folder, StringComparison.Ordinal))
            && !word.StartsWith(".data/", StringComparison.Ordinal) && !IsPlaceholder(word)
        select (word, word);

    private static IEnumerable<string> BacktickedWords(string text) =>
        from Match match in Backticked().Matches(text)
        from word in match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        select word;

    private static bool IsPlaceholder(string word) => word.IndexOfAny(['…', '{', '}', '<', '>', '$']) >= 0;

    /// <summary>A file or folder of the repository; a <c>*</c> in the last part must match at least one file.</summary>
    private static bool Exists(string path)
    {
        if (path.StartsWith("../", StringComparison.Ordinal) || path == "..")
            return false;
        var trimmed = path.TrimEnd('/');
        if (!trimmed.Contains('*', StringComparison.Ordinal))
            return File.Exists(Path.Combine(RepositoryRoot.Path, trimmed)) || Directory.Exists(Path.Combine(RepositoryRoot.Path, trimmed));
        var pattern = new Regex("^" + Regex.Escape(trimmed).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
        return RepositoryFiles.Value.Any(file => pattern.IsMatch(file));
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[\w./-]*\w\.(cs|csproj|sh|bicep|bicepparam|props|md|sln|cjs|py)$")]
    private static partial Regex SourceFileName();
}
