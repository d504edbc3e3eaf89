using CoworkSync.Functions.Hosting.Definitions;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>Function definitions are found in family folders, named after the folder that holds them, build output left out.</summary>
public sealed class FunctionDefinitionsTests : IDisposable
{
    private const string Http = """{"bindings":[{"name":"req","type":"httpTrigger","direction":"in"},{"name":"res","type":"http","direction":"out"}]}""";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "coworksync-definitions-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Load_FindsFunctionsInFamilyFolders_ByTheirFolderName_AndSkipsBuildOutput()
    {
        Write("Health", Http);
        Write(Path.Combine("Admin", "Connectors", "PutConnector"), Http);
        Write(Path.Combine("bin", "Release", "net10.0", "Stale"), Http);
        Write(Path.Combine("Admin", "obj", "Generated"), Http);

        var names = FunctionDefinitions.Load(_root).Select(d => d.Name);

        Assert.Equal(["Health", "PutConnector"], names);
    }

    [Fact]
    public void Load_TwoFunctionsOfOneName_InTwoFamilies_IsRefused()
    {
        Write(Path.Combine("Admin", "Sync"), Http);
        Write(Path.Combine("Events", "Sync"), Http);

        var refused = Assert.Throws<InvalidDataException>(() => FunctionDefinitions.Load(_root));

        Assert.Contains("Sync", refused.Message, StringComparison.Ordinal);
    }

    private void Write(string folder, string json)
    {
        var path = Path.Combine(_root, folder);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "function.json"), json);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
