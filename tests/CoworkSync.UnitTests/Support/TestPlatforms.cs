using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;
using Moq;

namespace CoworkSync.UnitTests.Support;

/// <summary>The registered platforms as the generic connector input sees them: each platform's real settings rules, nothing else.</summary>
public static class TestPlatforms
{
    public static PlatformRegistry Registry() => new([Platform(CoworksPlatform.PlatformName, "Coworks", new CoworksSettingsSection()), Platform(CobotPlatform.PlatformName, "Cobot", new CobotSettingsSection())]);

    public static IPlatform Platform(string name, string displayName, IPlatformSettings settings)
    {
        var platform = new Mock<IPlatform>(MockBehavior.Strict);
        platform.SetupGet(p => p.Name).Returns(name);
        platform.SetupGet(p => p.DisplayName).Returns(displayName);
        platform.SetupGet(p => p.Settings).Returns(settings);
        return platform.Object;
    }

    /// <summary>A connector body's platform section, as the JSON reader hands it over.</summary>
    public static Dictionary<string, JsonElement> Section(string platform, object? value) =>
        new() { [platform] = JsonSerializer.SerializeToElement(value, new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
}
