namespace CoworkSync.UnitTests.Architecture;

/// <summary>
/// The rules the product's folders follow (docs/architecture.md), as functions of its dependencies: the rooms (the
/// capabilities, <c>CoworkSync.{Room}</c>, <c>CoworkSync.Platforms.{Platform}</c>, and in the function app
/// <c>CoworkSync.Functions.{Family}</c>), which platform a folder is, and the graphs the loops are looked for in.
/// </summary>
public static class ArchitectureRules
{
    private const string Product = "CoworkSync.";
    private const string FunctionApp = "CoworkSync.Functions.";

    /// <summary>The composition root: it chooses the platforms, so it alone may name them.</summary>
    public static readonly IReadOnlySet<string> CompositionRoot = new HashSet<string>(StringComparer.Ordinal)
    {
        "CoworkSync.Functions.Hosting.CoworkSyncServices",
        "CoworkSync.Functions.Hosting.CoworkSyncEndpoints",
    };

    /// <summary>The room of a namespace: <c>Members</c>, <c>Platforms.Cobot</c>, <c>Functions.Admin</c>; null outside the product.</summary>
    public static string? RoomOf(string ns)
    {
        if (!ns.StartsWith(Product, StringComparison.Ordinal))
            return null;
        var parts = ns.Split('.');
        var (prefix, at) = parts[1] == "Functions" ? ("Functions.", 2) : ("", 1);
        if (parts.Length <= at)
            return prefix.TrimEnd('.');
        return parts[at] == "Platforms" && parts.Length > at + 1 ? $"{prefix}Platforms.{parts[at + 1]}" : prefix + parts[at];
    }

    /// <summary>The platform whose folder a namespace is in (<c>shared/Platforms/{X}</c> or <c>functions/Platforms/{X}</c>); null for generic code.</summary>
    public static string? PlatformOf(string ns) => RoomOf(ns) is { } room && room.Split('.') is [.., "Platforms", var platform] ? platform : null;

    /// <summary>
    /// Every use of a platform's type from outside that platform's folders: by generic code, or by another platform.
    /// The composition root alone may name the platforms it registers.
    /// </summary>
    public static IReadOnlyList<string> PlatformViolations(IEnumerable<Dependency> dependencies) =>
        [.. dependencies
            .Where(d => PlatformOf(d.ToNamespace) is { } used && PlatformOf(d.FromNamespace) != used && !CompositionRoot.Contains(d.FromOuter))
            .Select(d => $"{d.FromOuter} uses {d.To.Split('+')[0]}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Which rooms use which, the composition root left out (it uses them all, and nothing uses it).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> RoomGraph(IEnumerable<Dependency> dependencies) =>
        Graph(dependencies.Where(d => !CompositionRoot.Contains(d.FromOuter)), RoomOf);

    /// <summary>
    /// Which folders (namespaces) use which. A room's one registration (<c>AddX()</c>, a function family's <c>MapX()</c>)
    /// names its folders by design: registrations are composition, left out like the composition root.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> FolderGraph(IEnumerable<Dependency> dependencies) =>
        Graph(dependencies.Where(d => !CompositionRoot.Contains(d.FromOuter) && !IsRegistration(d)), ns => ns.StartsWith(Product, StringComparison.Ordinal) ? ns : null);

    private static bool IsRegistration(Dependency d)
    {
        var name = d.FromOuter[(d.FromOuter.LastIndexOf('.') + 1)..];
        return name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal)
            || (d.FromNamespace.StartsWith(FunctionApp, StringComparison.Ordinal) && name.EndsWith("Functions", StringComparison.Ordinal));
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(IEnumerable<Dependency> dependencies, Func<string, string?> node)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var d in dependencies)
        {
            if (node(d.FromNamespace) is not { } from || node(d.ToNamespace) is not { } to)
                continue;
            if (!graph.TryGetValue(from, out var targets))
                graph[from] = targets = new HashSet<string>(StringComparer.Ordinal);
            if (from != to)
                targets.Add(to);
        }
        return graph.ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Value, StringComparer.Ordinal);
    }
}
