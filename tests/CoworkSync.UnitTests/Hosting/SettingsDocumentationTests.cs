using System.Text.Json;
using CoworkSync.Functions.Hosting;
using CoworkSync.UnitTests.Support;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>The sample settings file and the README list the settings the app reads, and only those.</summary>
public sealed class SettingsDocumentationTests
{
    [Fact]
    public void LocalSettingsSample_ListsEveryAppSetting_AndNoUnknownOne()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var listed = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();
        var known = AppSettingCatalog.All.Select(s => s.Name).ToHashSet();
        var appSettings = AppSettingCatalog.All.Where(s => s.Use != AppSettingUse.Host).Select(s => s.Name);

        Assert.Empty(appSettings.Except(listed));
        Assert.Empty(listed.Except(known));
    }

    [Fact]
    public void Readme_MentionsEverySettingTheAppReads()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        var missing = AppSettingCatalog.All.Where(s => s.Use != AppSettingUse.Host && !readme.Contains(s.Name.Split("__")[^1], StringComparison.Ordinal));

        Assert.Empty(missing.Select(s => s.Name));
    }
}
