using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using Moq;

namespace CoworkSync.UnitTests.Connectors.Seam;

public sealed class PlatformRegistryTests
{
    [Fact]
    public void Choices_NameEveryPlatform_InRegistrationOrder()
    {
        Assert.Equal("\"coworks\"", new PlatformRegistry([Named("coworks")]).Choices());
        Assert.Equal("\"coworks\" or \"cobot\"", new PlatformRegistry([Named("coworks"), Named("cobot")]).Choices());
        Assert.Equal("\"coworks\", \"cobot\" or \"acme\"", new PlatformRegistry([Named("coworks"), Named("cobot"), Named("acme")]).Choices());
    }

    [Fact]
    public void APlatform_IsFoundByItsExactName()
    {
        var registry = new PlatformRegistry([Named("coworks")]);

        Assert.NotNull(registry.Find("coworks"));
        Assert.Null(registry.Find("Coworks"));
        Assert.Null(registry.Find(null));
        Assert.Throws<InvalidOperationException>(() => registry.For(new Connector { Id = "x", Platform = "wework", DisplayName = "X" }));
    }

    [Fact]
    public void TwoPlatformsOfOneName_AreRefused() =>
        Assert.Throws<InvalidOperationException>(() => new PlatformRegistry([Named("coworks"), Named("coworks")]));

    private static IPlatform Named(string name) => Mock.Of<IPlatform>(p => p.Name == name);
}
