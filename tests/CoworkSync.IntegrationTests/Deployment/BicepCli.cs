using System.Reflection;
using System.Text.RegularExpressions;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// The pinned Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (a PackageDownload of this test
/// project, so `dotnet restore` fetches it). Works offline.
/// </summary>
internal static partial class BicepCli
{
    /// <summary>Must match the PackageDownload version in CoworkSync.IntegrationTests.csproj.</summary>
    public const string Version = "0.49.2";

    public const string PackageId = "azure.bicep.commandline.linux-x64";

    /// <summary>Overrides where the binary is looked for (a full path to a bicep executable).</summary>
    public const string PathVariable = "COWORKSYNC_BICEP";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new InvalidOperationException($"{PathVariable} points at {explicitPath}, which does not exist.");
        }

        var candidates = PackageRoots().Select(root => Path.Combine(root, PackageId, Version, "tools", "bicep")).Distinct().ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"The Bicep CLI {Version} was not found at {string.Join(" or ", candidates)}. " +
                "Run `dotnet restore tests/CoworkSync.IntegrationTests` (its PackageDownload of Azure.Bicep.CommandLine.linux-x64 fetches it).");
    }

    public static Task<ProcessRunner.Result> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Locate(), arguments, RepositoryLayout.RepoRoot, Timeout, new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });

    /// <summary>Diagnostic lines Bicep prints, e.g. <c>main.bicep(3,5) : Warning BCP037: …</c>, and any other mention of a warning or error.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    // Bicep's diagnostics read "path(line,col) : Level CODE: message"; the CLI exits 0 on warnings.
    [GeneratedRegex(@"\b(Warning|Error)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiagnosticLine();

    private static IEnumerable<string> PackageRoots()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment)
            yield return fromEnvironment;
        var fromBuild = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild))
            yield return fromBuild;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
