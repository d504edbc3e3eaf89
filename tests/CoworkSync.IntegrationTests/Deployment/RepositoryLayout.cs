namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>Paths in the repository the deployment tests read: templates, host.json, function folders, scripts.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Infra => Path.Combine(RepoRoot, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    public static string HostJson => Path.Combine(RepoRoot, "host.json");

    public static string PackageScript => Path.Combine(RepoRoot, "scripts", "package.sh");

    /// <summary>Every <c>functions/{Name}/function.json</c>, by function name.</summary>
    public static IReadOnlyDictionary<string, string> FunctionDefinitions() =>
        Directory.EnumerateDirectories(Path.Combine(RepoRoot, "functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .ToDictionary(d => Path.GetFileName(d), d => Path.Combine(d, "function.json"), StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoworkSync.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Could not find the repository root (a folder with CoworkSync.sln) above {AppContext.BaseDirectory}.");
    }
}
