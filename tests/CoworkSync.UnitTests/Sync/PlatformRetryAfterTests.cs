using CoworkSync.Connectors;
using CoworkSync.Connectors.Cobot;
using CoworkSync.Connectors.Coworks;
using CoworkSync.Processing;
using CoworkSync.Sync;
using CoworkSync.UnitTests.Accounts;
using Microsoft.Extensions.Options;
using Moq;

namespace CoworkSync.UnitTests.Sync;

/// <summary>A platform's Retry-After reaches the failure policy, from webhook handlers and from sync runs alike.</summary>
public sealed class PlatformRetryAfterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(7);

    [Fact]
    public async Task CobotFailures_ATransientCobotFailure_CarriesItsRetryAfter()
    {
        var ex = await Assert.ThrowsAsync<TransientEventException>(() =>
            CobotFailures.TranslateAsync<int>(() => throw new CobotApiException("throttled", 429, isTransient: true, Wait)));

        Assert.Equal(Wait, ex.RetryAfter);
    }

    [Fact]
    public async Task ASyncRun_ThrottledByCoworks_IsRetriedNoEarlierThanItsRetryAfter()
    {
        var client = new Mock<ICoworksClient>();
        client.Setup(c => c.ListPlansAsync(It.IsAny<CoworksConnection>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CoworksApiException("Coworks is throttling", 429, isTransient: true, Wait));
        var store = new InMemorySecretStore();
        store.Values[ConnectorSecretNames.ApiKey("c1")] = "cw_key";
        var secrets = new ConnectorSecrets(store, TimeProvider.System, Options.Create(new WebhookOptions()));
        var connector = new Connector { Id = "c1", Platform = Platforms.Coworks, DisplayName = "C", Coworks = new(new Uri("https://api.coworks.test/"), "spc_1") };

        var platform = await Assert.ThrowsAsync<PlatformException>(() => new CoworksPlatformConnector(client.Object, secrets).ListPlansAsync(connector, CancellationToken.None));
        var classified = Assert.IsType<TransientEventException>(ConnectorSyncHandler.Classify(platform));

        Assert.Equal(Wait, platform.RetryAfter);
        Assert.Equal(Wait, classified.RetryAfter);
    }
}
