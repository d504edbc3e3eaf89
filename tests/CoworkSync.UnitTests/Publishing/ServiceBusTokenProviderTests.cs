using Azure.Core;
using CoworkSync.Publishing;
using Moq;

namespace CoworkSync.UnitTests.Publishing;

public sealed class ServiceBusTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_TwoCallsBeforeRefreshTime_AsksCredentialOnce()
    {
        var clock = PublishingFakes.Clock();
        var credential = PublishingFakes.Credential(PublishingFakes.Now.AddHours(1));
        using var tokens = new ServiceBusTokenProvider(credential.Object, clock);

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal(PublishingFakes.Token, first);
        Assert.Equal(PublishingFakes.Token, second);
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetTokenAsync_WithinFiveMinutesOfExpiry_AsksCredentialAgain()
    {
        var clock = PublishingFakes.Clock();
        var credential = new Mock<TokenCredential>();
        credential.SetupSequence(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("tok-1", PublishingFakes.Now.AddHours(1)))
            .ReturnsAsync(new AccessToken("tok-2", PublishingFakes.Now.AddHours(2)));
        using var tokens = new ServiceBusTokenProvider(credential.Object, clock);

        await tokens.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(55));
        var renewed = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("tok-2", renewed);
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneCredentialRequest()
    {
        var clock = PublishingFakes.Clock();
        var release = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Returns(() => new ValueTask<AccessToken>(release.Task));
        using var tokens = new ServiceBusTokenProvider(credential.Object, clock);

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => tokens.GetTokenAsync(CancellationToken.None).AsTask())).ToArray();
        await Task.Delay(50);
        release.SetResult(new AccessToken("shared", PublishingFakes.Now.AddHours(1)));
        var results = await Task.WhenAll(callers);

        Assert.All(results, token => Assert.Equal("shared", token));
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
