using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Processing;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;
using CoworkSync.State.Tables;
using CoworkSync.UnitTests.Members.Accounts;
using Microsoft.Extensions.Options;
using Moq;

namespace CoworkSync.UnitTests.Connectors.Seam;

/// <summary>A platform's Retry-After reaches the failure policy through the one translation every handler uses.</summary>
public sealed class PlatformRetryAfterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(7);

    [Fact]
    public async Task AThrottledCobotCall_ReachesTheFailurePolicy_WithItsRetryAfter()
    {
        // A 429 records no connection state, so the store is never called.
        var failures = new CobotPlatformFailures(new CobotConnectionStore(new StateTables(new TableServiceClient("UseDevelopmentStorage=true")), TimeProvider.System), TimeProvider.System);
        var connector = new Connector { Id = "c1", Platform = CobotPlatform.PlatformName, DisplayName = "C" };

        var platform = await Assert.ThrowsAsync<PlatformException>(() =>
            failures.TranslateAsync<int>(connector, () => throw new CobotApiException("throttled", 429, isTransient: true, Wait), CancellationToken.None));
        var classified = Assert.IsType<TransientEventException>(PlatformFailures.ToEventException(platform));

        Assert.Equal(Wait, platform.RetryAfter);
        Assert.Equal(Wait, classified.RetryAfter);
    }

    [Fact]
    public async Task AThrottledCoworksCall_ReachesTheFailurePolicy_WithItsRetryAfter()
    {
        var client = new Mock<ICoworksClient>();
        client.Setup(c => c.ListMembersAsync(It.IsAny<CoworksConnection>(), It.IsAny<CancellationToken>())).Returns(ThrottledMembers());
        var store = new InMemorySecretStore();
        store.Values[CoworksSecretNames.ApiKey("c1")] = "cw_key";
        var secrets = new CoworksCredentials(new ConnectorSecrets(store, TimeProvider.System), TimeProvider.System, Options.Create(new WebhookOptions()));
        var connector = new Connector { Id = "c1", Platform = CoworksPlatform.PlatformName, DisplayName = "C", PlatformSettings = new CoworksConnectorSettings(new Uri("https://api.coworks.test/"), "spc_1").ToPlatformSettings() };

        var platform = await Assert.ThrowsAsync<PlatformException>(async () =>
        {
            await foreach (var _ in new CoworksMembers(client.Object, secrets).ListMembersAsync(connector, new SyncNotes(), CancellationToken.None))
            {
            }
        });
        var classified = Assert.IsType<TransientEventException>(PlatformFailures.ToEventException(platform));

        Assert.Equal(Wait, platform.RetryAfter);
        Assert.Equal(Wait, classified.RetryAfter);
    }

    private static async IAsyncEnumerable<PlatformMember> ThrottledMembers()
    {
        yield return await Task.FromException<PlatformMember>(new CoworksApiException("Coworks is throttling", 429, isTransient: true, Wait));
    }
}
