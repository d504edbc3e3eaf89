using System.Net;
using Azure.Core;
using Azure.Identity;
using CoworkSync.Publishing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Publishing;

public sealed class ServiceBusHealthProbeTests : IDisposable
{
    private readonly FakeTimeProvider _clock = PublishingFakes.Clock();
    private readonly ListLogger<ServiceBusHealthProbe> _logger = new();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
            disposable.Dispose();
    }

    private ServiceBusHealthProbe Probe(CapturingHandler handler, Mock<TokenCredential>? credential = null)
    {
        var http = new HttpClient(handler);
        var tokens = new ServiceBusTokenProvider((credential ?? PublishingFakes.Credential(PublishingFakes.Now.AddHours(1))).Object, _clock);
        _disposables.Add(http);
        _disposables.Add(tokens);
        return new ServiceBusHealthProbe(http, tokens, PublishingFakes.Options(), _clock, _logger);
    }

    [Fact]
    public void Name_Always_IsQueue()
    {
        Assert.Equal("queue", Probe(new CapturingHandler(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task CheckAsync_Unauthorized_HealthyAfterAuthenticatedGetOnQueue()
    {
        var handler = new CapturingHandler(HttpStatusCode.Unauthorized);

        var result = await Probe(handler).CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://myns.servicebus.windows.net/events", request.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {PublishingFakes.Token}", request.Header("Authorization"));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task CheckAsync_AnswerBelow500_Healthy(HttpStatusCode status)
    {
        var result = await Probe(new CapturingHandler(status)).CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy);
    }

    [Fact]
    public async Task CheckAsync_ServiceUnavailable_DownWithoutToken()
    {
        var result = await Probe(new CapturingHandler(HttpStatusCode.ServiceUnavailable)).CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("Service Bus answered 503.", result.Detail);
        Assert.DoesNotContain(PublishingFakes.Token, result.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NetworkError_DownWithoutToken()
    {
        var handler = CapturingHandler.Throwing(new HttpRequestException(HttpRequestError.NameResolutionError, "No such host is known"));

        var result = await Probe(handler).CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.DoesNotContain(PublishingFakes.Token, result.Detail!, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(PublishingFakes.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_NoAnswerWithinFiveSeconds_Down()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var check = Probe(handler).CheckAsync(CancellationToken.None);
        await started.Task;
        _clock.Advance(TimeSpan.FromSeconds(6));
        var result = await check;

        Assert.False(result.Healthy);
        Assert.Equal("Service Bus did not answer within 5 s.", result.Detail);
    }

    [Fact]
    public async Task CheckAsync_TokenFails_DownWithoutSending()
    {
        var handler = new CapturingHandler(HttpStatusCode.OK);
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("No managed identity endpoint found"));

        var result = await Probe(handler, credential).CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("Could not get a Service Bus token.", result.Detail);
        Assert.Empty(handler.Requests);
    }
}
