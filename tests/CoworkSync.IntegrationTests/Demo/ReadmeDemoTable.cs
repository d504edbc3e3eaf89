using System.Text.RegularExpressions;
using CoworkSync.IntegrationTests.Deployment;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>
/// The members table of README.md's "Try it: the demo", read as a newcomer reads it, e.g.
/// <c>| `mem_demo_09` Hedy Lamarr | Flex | trial | `hedy.lamarr@example.com`, enabled | `flex`, `trial` | yes |</c>.
/// </summary>
public static partial class ReadmeDemoTable
{
    public static IReadOnlyList<DemoMemberRow> Read()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.RepoRoot, "README.md"));
        var section = readme.SkipWhile(l => l != "## Try it: the demo").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        var rows = section.Where(l => l.StartsWith("| `mem_", StringComparison.Ordinal)).Select(Row).ToList();
        if (rows.Count == 0)
            throw new InvalidDataException("README.md's section \"Try it: the demo\" has no members table (rows starting with | `mem_).");
        return rows;
    }

    private static DemoMemberRow Row(string line)
    {
        var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length != 6 || MemberCell().Match(cells[0]) is not { Success: true } member)
            throw new InvalidDataException($"README.md's demo members table has a row this test cannot read: {line}");

        var account = AccountCell().Match(cells[3]);
        if (!account.Success && cells[3] != "none")
            throw new InvalidDataException($"README.md's demo members table says neither \"`user`, enabled|disabled\" nor \"none\" in: {line}");
        var groups = Quoted().Matches(cells[4]).Select(m => m.Groups[1].Value).ToList();
        return new DemoMemberRow(
            member.Groups["id"].Value,
            member.Groups["name"].Value,
            cells[1],
            cells[2],
            account.Success ? account.Groups["user"].Value : null,
            account.Success && account.Groups["state"].Value == "enabled",
            groups.Count > 0 ? DemoMemberRow.Groups(groups) : cells[4],
            cells[5].StartsWith("yes", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^`(?<id>[^`]+)` (?<name>.+)$")]
    private static partial Regex MemberCell();

    [GeneratedRegex(@"^`(?<user>[^`]+)`, (?<state>enabled|disabled)$")]
    private static partial Regex AccountCell();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Quoted();
}
