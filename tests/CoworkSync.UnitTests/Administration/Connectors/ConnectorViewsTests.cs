using System.Text.Json;
using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Coworks;
using CoworkSync.UnitTests.Members.Accounts;
using Microsoft.Extensions.Options;
using Moq;

namespace CoworkSync.UnitTests.Administration.Connectors;

/// <summary>The connector view is a typed record that serializes to the admin API's JSON, platform sections included.</summary>
public sealed class ConnectorViewsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ACoworksConnector_ShowsItsSectionAndSecrets_AndEveryOtherPlatformsSectionAsNull()
    {
        var store = new InMemorySecretStore();
        store.Values[CoworksSecretNames.ApiKey("berlin")] = "cw_key";
        var credentials = new CoworksCredentials(new ConnectorSecrets(store, TimeProvider.System), TimeProvider.System, Options.Create(new WebhookOptions()));
        var coworks = Platform(CoworksPlatform.PlatformName, new CoworksSecrets(credentials), new CoworksViews());
        var other = Platform("cobot", Mock.Of<IPlatformSecrets>(MockBehavior.Strict), Mock.Of<IPlatformViews>(MockBehavior.Strict));
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var connector = new Connector
        {
            Id = "berlin",
            Platform = CoworksPlatform.PlatformName,
            DisplayName = "Berlin",
            Locations = [new ConnectorLocation("loc_1", "Mitte", "Europe/Berlin", ["mitte-ap-*"])],
            PlatformSettings = new CoworksConnectorSettings(new Uri("https://api.coworks.example/"), "spc_1").ToPlatformSettings(),
            CreatedAt = at,
            UpdatedAt = at,
        };

        var view = await new ConnectorViews(new PlatformRegistry([coworks, other])).ForAsync(connector, CancellationToken.None);

        Assert.Equal(
            string.Concat(
                """{"id":"berlin","platform":"coworks","displayName":"Berlin","locations":[{"id":"loc_1","name":"Mitte","timeZone":"Europe/Berlin","nasIdentifiers":["mitte-ap-*"],"networkName":null,"serverCertificateName":null}],""",
                """ "settings":{"autoProvision":true,"autoDeprovision":true,"syncIntervalMinutes":15,"sendWelcomeEmail":true,"allowAllLocations":false},""".TrimStart(),
                """ "secrets":{"apiKey":"set","webhookSecret":"missing"},"webhookSecretRotatedAt":null,"createdAt":"2026-11-23T10:00:00+00:00","updatedAt":"2026-11-23T10:00:00+00:00",""".TrimStart(),
                """ "coworks":{"apiBaseUrl":"https://api.coworks.example","spaceId":"spc_1"},"cobot":null}""".TrimStart()),
            JsonSerializer.Serialize(view, Web));
    }

    [Fact]
    public void PlanMappings_ShowIdNameAndGroups() =>
        Assert.Equal("""[{"planId":null,"planName":"Virtual","groups":[]}]""",
            JsonSerializer.Serialize(PlanMappingView.From([new PlanMapping(null, "Virtual", [])]), Web));

    private static IPlatform Platform(string name, IPlatformSecrets secrets, IPlatformViews views)
    {
        var platform = new Mock<IPlatform>(MockBehavior.Strict);
        platform.SetupGet(p => p.Name).Returns(name);
        platform.SetupGet(p => p.Secrets).Returns(secrets);
        platform.SetupGet(p => p.Views).Returns(views);
        return platform.Object;
    }
}
