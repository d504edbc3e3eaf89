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

    /// <summary>
    /// Every <c>function.json</c> under <c>functions/</c> (family folders group them: <c>functions/Admin/Connectors/PutConnector/</c>),
    /// by function name: the folder that holds it. Build output (<c>bin</c>, <c>obj</c>) is not source.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FunctionDefinitions() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "functions"), "function.json", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(RepoRoot, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToDictionary(file => Path.GetFileName(Path.GetDirectoryName(file))!, file => file, StringComparer.Ordinal);

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
