using CoworkSync.Connectors;

namespace CoworkSync.UnitTests.Connectors;

public sealed class PlatformSettingsTests
{
    private sealed record Space(string SpaceId, Uri ApiBaseUrl);

    [Fact]
    public void TheSettings_RoundTripThroughTheirJson_AsThePlatformsRecord()
    {
        var stored = PlatformSettings.From(new Space("spc_1", new Uri("https://api.example/")));

        Assert.Equal("""{"spaceId":"spc_1","apiBaseUrl":"https://api.example/"}""", stored.JsonText);
        Assert.Equal(new Space("spc_1", new Uri("https://api.example/")), new PlatformSettings(stored.JsonText).As<Space>());
    }

    [Fact]
    public void ParsedOnce_ThenTheSameInstance()
    {
        var settings = new PlatformSettings("""{"spaceId":"spc_1","apiBaseUrl":"https://api.example/"}""");

        Assert.Same(settings.As<Space>(), settings.As<Space>());
    }

    [Fact]
    public void TwoSettings_AreEqual_WhenTheirJsonIs()
    {
        Assert.Equal(new PlatformSettings("""{"a":1}"""), new PlatformSettings("""{"a":1}"""));
        Assert.NotEqual(new PlatformSettings("""{"a":1}"""), new PlatformSettings("""{"a":2}"""));
    }
}
