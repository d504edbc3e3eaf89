using System.Net;
using CoworkSync.Connectors.Cobot;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Connectors.Cobot;

public sealed class CobotRateLimitHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _waits = [];
    private readonly Queue<HttpResponseMessage> _answers = new();
    private int _sent;

    [Fact]
    public async Task A429_IsWaitedOutForRetryAfter_ThenRetried()
    {
        _answers.Enqueue(Throttled(7));
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));

        var response = await Client().GetAsync("https://co-up.cobot.me/api/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sent);
        Assert.Contains(TimeSpan.FromSeconds(7), _waits);
    }

    [Fact]
    public async Task A429_AskingLongerThanMaxWait_IsReturned_NotWaited()
    {
        _answers.Enqueue(Throttled(3600));

        var response = await Client().GetAsync("https://co-up.cobot.me/api/plans");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _sent);
        Assert.DoesNotContain(_waits, w => w > TimeSpan.Zero);
    }

    [Fact]
    public async Task TheSeventhMembershipList_InAMinute_WaitsForItsSlot()
    {
        for (var i = 0; i < 7; i++)
            _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));
        var client = Client();

        for (var i = 0; i < 7; i++)
            await client.GetAsync("https://co-up.cobot.me/api/memberships");

        Assert.Equal(7, _sent);
        Assert.Equal(TimeSpan.FromSeconds(61), _waits[^1]);
        Assert.All(_waits.Take(6), w => Assert.Equal(TimeSpan.Zero, w));
    }

    [Fact]
    public async Task AnAttemptsTimeout_CoversReadingTheResponseBody()
    {
        var body = new StalledContent();
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK) { Content = body });

        // Headers only: whatever reads the body here is the handler itself.
        var call = Client().GetAsync("https://co-up.cobot.me/api/memberships", HttpCompletionOption.ResponseHeadersRead);
        await body.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        _time.Advance(new CobotClientOptions().Timeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("GET", "/api/memberships", true)]
    [InlineData("GET", "/api/memberships/", true)]
    [InlineData("GET", "/api/memberships/m1", false)]
    [InlineData("POST", "/api/memberships", false)]
    [InlineData("GET", "/api/plans", false)]
    public void MembershipList_IsTheListOnly(string method, string path, bool expected) =>
        Assert.Equal(expected, CobotRateLimitHandler.IsMembershipList(new HttpRequestMessage(new HttpMethod(method), "https://co-up.cobot.me" + path)));

    [Theory]
    [InlineData("/api/access_tokens/secret-token/space", "/api/access_tokens/***/space")]
    [InlineData("/api/access_tokens/secret-token", "/api/access_tokens/***")]
    [InlineData("/api/memberships", "/api/memberships")]
    public void LoggedPaths_NeverHoldAToken(string path, string logged) =>
        Assert.Equal(logged, CobotRateLimitHandler.LoggedPath(new HttpRequestMessage(HttpMethod.Post, "https://www.cobot.me" + path)));

    private HttpClient Client()
    {
        var delay = new Mock<ICobotDelay>();
        delay.Setup(d => d.DelayAsync(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns((TimeSpan wait, CancellationToken _) =>
            {
                _waits.Add(wait);
                if (wait > TimeSpan.Zero)
                    _time.Advance(wait);
                return Task.CompletedTask;
            });
        var options = Options.Create(new CobotClientOptions());
        var handler = new CobotRateLimitHandler(new CobotRateLimiter(_time, options), delay.Object, _time, options, NullLogger<CobotRateLimitHandler>.Instance)
        {
            InnerHandler = new Answering(() =>
            {
                _sent++;
                return _answers.Dequeue();
            }),
        };
        var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "token-a");
        return client;
    }

    private static HttpResponseMessage Throttled(int seconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    /// <summary>A body whose bytes never come: reading it ends only when the reader gives up.</summary>
    private sealed class StalledContent : HttpContent
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            Reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class Answering(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer());
    }
}
