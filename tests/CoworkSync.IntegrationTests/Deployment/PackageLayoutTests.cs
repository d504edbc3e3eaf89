using System.IO.Compression;
using System.Text.Json;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>The zip scripts/package.sh builds has the layout the Functions host runs.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package, ITestOutputHelper output)
{
    private const int UnixFileTypeMask = 0xF000; // S_IFMT
    private const int UnixRegularFile = 0x8000; // S_IFREG
    private const int OwnerExecute = 0x40; // S_IXUSR

    [Fact]
    public void Package_Root_HoldsHostJsonTheHandlerAndOneFolderPerFunction()
    {
        if (package.PackageBuildTime is { } buildTime)
            output.WriteLine($"scripts/package.sh built the package in {buildTime.TotalSeconds:0.0} s ({new FileInfo(package.ZipPath).Length / 1_000_000.0:0.0} MB).");
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToList();
        var functions = RepositoryLayout.FunctionDefinitions();

        var rootNames = files.Select(f => f.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(functions.Keys.Append("host.json").Append("app").Order(StringComparer.Ordinal), rootNames.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(RepositoryLayout.HostJson), Read(zip, "host.json"));
        foreach (var (name, path) in functions)
        {
            Assert.Equal([$"{name}/function.json"], files.Where(f => f.StartsWith(name + "/", StringComparison.Ordinal)));
            Assert.Equal(File.ReadAllBytes(path), Read(zip, $"{name}/function.json"));
        }
    }

    [Fact]
    public void Package_FlattensTheFamilyFolders_EachFunctionOnceAtTheRoot()
    {
        var sources = RepositoryLayout.FunctionDefinitions();
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var definitions = zip.Entries.Select(e => e.FullName).Where(f => f.EndsWith("/function.json", StringComparison.Ordinal)).ToList();

        // The source groups functions by family (functions/Admin/Connectors/PutConnector/): the flattening is exercised.
        Assert.Contains(sources.Values, path => Path.GetRelativePath(Path.Combine(RepositoryLayout.RepoRoot, "functions"), path).Count(c => c == Path.DirectorySeparatorChar) > 1);
        Assert.Contains("PutConnector/function.json", definitions);
        Assert.Contains("Webhook/function.json", definitions);
        Assert.All(definitions, d => Assert.Equal(2, d.Split('/').Length));
        Assert.Equal(sources.Keys.Order(StringComparer.Ordinal), definitions.Select(d => d.Split('/')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_HandlerExecutable_IsWhereHostJsonPointsWithItsExecutableBit()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "host.json")));
        var description = hostJson.RootElement.GetProperty("customHandler").GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString()!;
        Assert.Equal("app/CoworkSync.Functions", executable);
        Assert.Contains(description.GetProperty("arguments").EnumerateArray(), a => a.GetString()!.Contains("%FUNCTIONS_CUSTOMHANDLER_PORT%", StringComparison.Ordinal));

        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entry = zip.GetEntry(executable);
        Assert.NotNull(entry);
        var mode = (entry.ExternalAttributes >> 16) & 0xFFFF;
        Assert.True((mode & UnixFileTypeMask) == UnixRegularFile, $"{executable} has Unix mode {Convert.ToString(mode, 8)}: no regular-file mode is recorded.");
        Assert.True((mode & OwnerExecute) != 0, $"{executable} has Unix mode {Convert.ToString(mode, 8)}: not executable.");

        // Extracted on Linux (as the platform does), the file keeps the bit and is a Linux (ELF) executable.
        var extracted = Path.Combine(package.AppRoot, executable);
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(extracted).HasFlag(UnixFileMode.UserExecute), $"{extracted} lost its executable bit when extracted.");
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(extracted)[..4]);
    }

    [Fact]
    public void Package_Handler_IsPublishedSelfContainedForLinuxX64()
    {
        var app = Path.Combine(package.AppRoot, "app");
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "CoworkSync.Functions.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");

        // A self-contained app lists the frameworks it carries ("includedFrameworks") instead of requiring installed ones.
        Assert.True(options.TryGetProperty("includedFrameworks", out var included), runtimeConfig.RootElement.GetRawText());
        Assert.False(options.TryGetProperty("frameworks", out _) || options.TryGetProperty("framework", out _));
        Assert.Contains(included.EnumerateArray(), f => f.GetProperty("name").GetString() == "Microsoft.AspNetCore.App");
        Assert.True(File.Exists(Path.Combine(app, "libcoreclr.so")), "The .NET runtime for linux-x64 is not in app/.");
        Assert.True(File.Exists(Path.Combine(app, "CoworkSync.Functions.dll")));

        // host.json and the function folders live at the package root only.
        Assert.False(File.Exists(Path.Combine(app, "host.json")));
        Assert.Empty(Directory.EnumerateFiles(app, "function.json", SearchOption.AllDirectories));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)?.Open() ?? throw new Xunit.Sdk.XunitException($"The package has no {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
