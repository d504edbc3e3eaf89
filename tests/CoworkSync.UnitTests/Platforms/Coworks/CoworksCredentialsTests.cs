using CoworkSync.Connectors;
using CoworkSync.Platforms.Coworks;
using CoworkSync.UnitTests.Members.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Platforms.Coworks;

public sealed class CoworksCredentialsTests
{
    private readonly InMemorySecretStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SetAsync_NewWebhookSecret_KeepsThePreviousOneValidForTheGracePeriod()
    {
        var sut = CreateSut();
        await sut.SetAsync("berlin", "key", "first-secret-0123456789", CancellationToken.None);
        var rotated = await sut.SetAsync("berlin", null, "second-secret-0123456789", CancellationToken.None);
        var connector = Connector(rotatedAt: _time.GetUtcNow());

        var during = await sut.GetWebhookSecretsAsync(connector, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var after = await CreateSut().GetWebhookSecretsAsync(connector, CancellationToken.None);

        Assert.True(rotated);
        Assert.Equal(["second-secret-0123456789", "first-secret-0123456789"], during);
        Assert.Equal(["second-secret-0123456789"], after);
    }

    [Fact]
    public async Task SetAsync_TheSameWebhookSecretAgain_IsNoRotation()
    {
        var sut = CreateSut();
        await sut.SetAsync("berlin", null, "same-secret-0123456789", CancellationToken.None);

        Assert.False(await sut.SetAsync("berlin", null, "same-secret-0123456789", CancellationToken.None));
        Assert.False(_store.Values.ContainsKey(CoworksSecretNames.PreviousWebhookSecret("berlin")));
    }

    [Fact]
    public async Task StatusAsync_SaysWhatIsSet_WithoutValues()
    {
        var sut = CreateSut();
        await sut.SetAsync("berlin", "the-api-key", null, CancellationToken.None);

        Assert.Equal((true, false), await sut.StatusAsync("berlin", CancellationToken.None));
    }

    private CoworksCredentials CreateSut() => new(new ConnectorSecrets(_store, _time), _time, Options.Create(new WebhookOptions()));

    private static Connector Connector(DateTimeOffset rotatedAt) => new()
    {
        Id = "berlin",
        Platform = CoworksPlatform.PlatformName,
        DisplayName = "Berlin",
        WebhookSecretRotatedAt = rotatedAt,
    };
}
