using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using CoworkSync.Events;
using CoworkSync.Publishing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Publishing;

public sealed class ServiceBusRestPublisherTests : IDisposable
{
    private readonly FakeTimeProvider _clock = PublishingFakes.Clock();
    private readonly ListLogger<ServiceBusRestPublisher> _logger = new();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
            disposable.Dispose();
    }

    private ServiceBusRestPublisher Publisher(CapturingHandler handler, Mock<TokenCredential>? credential = null)
    {
        var http = new HttpClient(handler);
        var tokens = new ServiceBusTokenProvider((credential ?? PublishingFakes.Credential(PublishingFakes.Now.AddHours(1))).Object, _clock);
        _disposables.Add(http);
        _disposables.Add(tokens);
        return new ServiceBusRestPublisher(http, tokens, PublishingFakes.Options(), _clock, _logger);
    }

    [Fact]
    public async Task PublishAsync_FirstPublication_PostsToQueueMessagesWithBearerToken()
    {
        var handler = new CapturingHandler(HttpStatusCode.Created);
        var envelope = PublishingFakes.Envelope();

        await Publisher(handler).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://myns.servicebus.windows.net/events/messages?timeout=60", request.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {PublishingFakes.Token}", request.Header("Authorization"));
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(EventEnvelopeJson.Serialize(envelope), request.Body);
    }

    [Fact]
    public async Task PublishAsync_NoDelay_BrokerPropertiesHaveMessageIdAndNoSchedule()
    {
        var handler = new CapturingHandler(HttpStatusCode.Created);
        var envelope = PublishingFakes.Envelope();

        await Publisher(handler).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);

        var properties = Assert.Single(handler.Requests).Header("BrokerProperties");
        Assert.Equal("""{"MessageId":"evt-1","Label":"member.updated"}""", properties);
    }

    [Fact]
    public async Task PublishAsync_Delay_BrokerPropertiesScheduleEnqueueTimeInRfc1123()
    {
        var handler = new CapturingHandler(HttpStatusCode.Created);
        var retried = PublishingFakes.Envelope().NextAttempt();

        await Publisher(handler).PublishAsync(retried, PublishOptions.Retry(retried, TimeSpan.FromSeconds(10)), CancellationToken.None);

        using var properties = JsonDocument.Parse(Assert.Single(handler.Requests).Header("BrokerProperties")!);
        Assert.Equal("evt-1:attempt:2", properties.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", properties.RootElement.GetProperty("ScheduledEnqueueTimeUtc").GetString());
    }

    [Fact]
    public async Task PublishAsync_DelayPastMidnight_ScheduleRollsOverToNextDay()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.Zero));
        var handler = new CapturingHandler(HttpStatusCode.Created);
        var envelope = PublishingFakes.Envelope();

        await Publisher(handler).PublishAsync(envelope, new PublishOptions("m-1", TimeSpan.FromMinutes(2)), CancellationToken.None);

        using var properties = JsonDocument.Parse(Assert.Single(handler.Requests).Header("BrokerProperties")!);
        Assert.Equal("Sun, 01 Feb 2026 00:01:00 GMT", properties.RootElement.GetProperty("ScheduledEnqueueTimeUtc").GetString());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task PublishAsync_ClientError_ThrowsNotTransient(HttpStatusCode status)
    {
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(new CapturingHandler(status)).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains($"{(int)status} {status}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task PublishAsync_ServerOrThrottlingError_ThrowsTransient(HttpStatusCode status)
    {
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(new CapturingHandler(status)).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task PublishAsync_Unauthorized_MessageNamesStatusAndNeverToken()
    {
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(new CapturingHandler(HttpStatusCode.Unauthorized)).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.Equal("Service Bus refused the message evt-1: 401 Unauthorized", ex.Message);
        Assert.DoesNotContain(PublishingFakes.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(PublishingFakes.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_NetworkError_ThrowsTransient()
    {
        var envelope = PublishingFakes.Envelope();
        var handler = CapturingHandler.Throwing(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(handler).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task PublishAsync_HttpClientTimeout_ThrowsTransient()
    {
        var envelope = PublishingFakes.Envelope();
        var handler = CapturingHandler.Throwing(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(handler).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task PublishAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var envelope = PublishingFakes.Envelope();
        using var cancel = new CancellationTokenSource();
        var handler = new CapturingHandler(async (_, ct) =>
        {
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.Created);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Publisher(handler).PublishAsync(envelope, PublishOptions.First(envelope), cancel.Token));
    }

    [Fact]
    public async Task PublishAsync_TokenRequestFails_ThrowsTransientWithoutSending()
    {
        var envelope = PublishingFakes.Envelope();
        var handler = new CapturingHandler(HttpStatusCode.Created);
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationFailedException("ManagedIdentityCredential authentication failed"));

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(handler, credential).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PublishAsync_NoCredentialAvailable_ThrowsNotTransient()
    {
        var envelope = PublishingFakes.Envelope();
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("No managed identity endpoint found"));

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            Publisher(new CapturingHandler(HttpStatusCode.Created), credential).PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task PublishAsync_TwoSends_RequestOneTokenForServiceBusScope()
    {
        var envelope = PublishingFakes.Envelope();
        var credential = PublishingFakes.Credential(PublishingFakes.Now.AddHours(1));
        var publisher = Publisher(new CapturingHandler(HttpStatusCode.Created), credential);

        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);
        await publisher.PublishAsync(envelope, PublishOptions.Replay(envelope, "r1"), CancellationToken.None);

        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(context => context.Scopes.SequenceEqual(new[] { "https://servicebus.azure.net/.default" })),
            It.IsAny<CancellationToken>()), Times.Once);
    }
}
