using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotServiceCollectionTests
{
    [Theory]
    [InlineData(null, "coworksync-prod.azurewebsites.net", "https://coworksync-prod.azurewebsites.net")]
    [InlineData("https://wifi.example.com", "coworksync-prod.azurewebsites.net", "https://wifi.example.com")]
    [InlineData(null, null, null)]
    public void PublicBaseUrl_IsTheSetting_ElseTheAppsHostNameInAzure(string? configured, string? websiteHostName, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobot:PublicBaseUrl"] = configured,
            ["WEBSITE_HOSTNAME"] = websiteHostName,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCobotClient();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<CobotClientOptions>>().Value.PublicBaseUrl);
    }
}
