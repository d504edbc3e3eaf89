using System.Text.Json.Nodes;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// Builds and lints <c>infra/main.bicep</c> once, and builds every parameters file, for all template tests.
/// Runs alone (no parallel collection), so the Bicep CLI's few seconds of CPU disturb no timing-sensitive test.
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    private JsonObject? _template;

    internal ProcessRunner.Result Build { get; private set; } = null!;

    internal ProcessRunner.Result Lint { get; private set; } = null!;

    internal IReadOnlyDictionary<string, ProcessRunner.Result> ParameterFiles { get; private set; } = null!;

    /// <summary>The ARM JSON <c>bicep build</c> produced.</summary>
    public JsonObject Template => _template
        ?? throw new InvalidOperationException($"bicep build failed, so there is no template.{Environment.NewLine}{Build.Describe()}");

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", RepositoryLayout.MainTemplate, "--stdout");
        if (Build.ExitCode == 0)
            _template = JsonNode.Parse(Build.StandardOutput)?.AsObject();
        Lint = await BicepCli.RunAsync("lint", RepositoryLayout.MainTemplate);

        var parameterFiles = new Dictionary<string, ProcessRunner.Result>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.Infra, "*.bicepparam").Order(StringComparer.Ordinal))
            parameterFiles[Path.GetFileName(file)] = await BicepCli.RunAsync("build-params", file, "--stdout");
        ParameterFiles = parameterFiles;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "bicep";
}
