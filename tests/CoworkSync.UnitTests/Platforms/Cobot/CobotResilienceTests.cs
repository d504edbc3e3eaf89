using System.Net;
using CoworkSync.Platforms.Cobot;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace CoworkSync.UnitTests.Platforms.Cobot;

/// <summary>
/// The Cobot HttpClient as <see cref="CobotServiceCollectionExtensions.AddCobotClient"/> builds it, over a scripted
/// transport. The pipeline runs on a fake clock; the rate limiter's waits skip ahead on it and are recorded.
/// </summary>
public sealed class CobotResilienceTests : IAsyncDisposable
{
    private static readonly CobotConnection Connection = new(new Uri("https://co-up.cobot.me/"), "token-a");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly WaitSkippingTimeProvider _limiterTime;
    private readonly Queue<HttpResponseMessage> _answers = new();
    private readonly List<string> _sent = [];
    private ServiceProvider? _services;

    public CobotResilienceTests() => _limiterTime = new WaitSkippingTimeProvider(_time);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
    }

    /// <param name="skipWaits">False: the limiter waits on the app's clock, as registered, and the test moves it.</param>
    private ServiceProvider Services(Dictionary<string, string?>? settings = null, bool skipWaits = true)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddSingleton<TimeProvider>(_time);
        if (skipWaits)
            services.AddSingleton(provider => new CobotRateLimiter(_limiterTime, provider.GetRequiredService<IOptions<CobotClientOptions>>(),
                provider.GetRequiredService<ILogger<CobotRateLimiter>>()));
        services.AddCobotClient();
        services.AddHttpClient(CobotServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Answering(request =>
        {
            lock (_sent)
                _sent.Add(request.RequestUri!.AbsolutePath);
            lock (_answers)
                return _answers.Count > 0 ? _answers.Dequeue() : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
        }));
        return _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private HttpClient Http(ServiceProvider services)
    {
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(CobotServiceCollectionExtensions.HttpClientName);
        http.DefaultRequestHeaders.Authorization = new("Bearer", "token-a");
        return http;
    }

    private static HttpResponseMessage Throttled(int? seconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (seconds is { } s)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        return response;
    }

    [Fact]
    public async Task A429_IsWaitedOutForRetryAfter_ThenRetried()
    {
        _answers.Enqueue(Throttled(7));
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));

        var response = await Http(Services()).GetAsync("https://co-up.cobot.me/api/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sent.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _limiterTime.Waits);
    }

    [Fact]
    public async Task A429_WithoutRetryAfter_BlocksTheTokenForAMinute()
    {
        _answers.Enqueue(Throttled(null));
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));

        var response = await Http(Services()).GetAsync("https://co-up.cobot.me/api/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(60)], _limiterTime.Waits);
    }

    [Fact]
    public async Task A429_AskingLongerThanMaxWait_IsNotWaited_TheCallFailsTransientlyWithTheWait()
    {
        _answers.Enqueue(Throttled(3600));
        var client = Services().GetRequiredService<CobotClient>();

        var ex = await Assert.ThrowsAsync<CobotApiException>(() => client.ListPlansAsync(Connection, CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Single(_sent);
        Assert.Empty(_limiterTime.Waits);
    }

    [Fact]
    public async Task Repeated429s_AreRetriedMaxThrottleRetriesTimes_ThenReturned()
    {
        for (var i = 0; i < 10; i++)
            _answers.Enqueue(Throttled(1));

        var response = await Http(Services(new() { ["Cobot:MaxThrottleRetries"] = "2" })).GetAsync("https://co-up.cobot.me/api/plans");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(3, _sent.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], _limiterTime.Waits);
    }

    [Fact]
    public async Task WithNoThrottleRetries_A429IsReturned_ButStillHoldsBackTheTokensNextRequest()
    {
        _answers.Enqueue(Throttled(5));
        var http = Http(Services(new() { ["Cobot:MaxThrottleRetries"] = "0" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("https://co-up.cobot.me/api/plans")).StatusCode);
        Assert.Empty(_limiterTime.Waits);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("https://co-up.cobot.me/api/plans")).StatusCode);

        Assert.Equal(2, _sent.Count);
        Assert.Equal([TimeSpan.FromSeconds(5)], _limiterTime.Waits);
    }

    [Fact]
    public async Task TheSeventhMembershipList_InAMinute_WaitsForItsSlot()
    {
        var client = Services().GetRequiredService<CobotClient>();

        for (var i = 0; i < 7; i++)
            await client.ListMembershipsAsync(Connection, CancellationToken.None);

        Assert.Equal(7, _sent.Count);
        Assert.Equal([TimeSpan.FromSeconds(61)], _limiterTime.Waits);
    }

    [Fact]
    public async Task ASlotBeyondMaxWait_IsNotSent_TheCallFailsTransientlyWithTheWait()
    {
        var client = Services(new() { ["Cobot:MaxWait"] = "00:00:30" }).GetRequiredService<CobotClient>();
        for (var i = 0; i < 60; i++)
            await client.ListPlansAsync(Connection, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<CobotApiException>(() => client.ListPlansAsync(Connection, CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(61), ex.RetryAfter);
        Assert.Equal(60, _sent.Count);
        Assert.Empty(_limiterTime.Waits);
    }

    [Fact]
    public async Task AsRegistered_TheLimiterWaitsOnTheAppsTimeProvider()
    {
        var client = Services(skipWaits: false).GetRequiredService<CobotClient>();
        for (var i = 0; i < 6; i++)
            await client.ListMembershipsAsync(Connection, CancellationToken.None);

        var seventh = client.ListMembershipsAsync(Connection, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(seventh.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await seventh.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(7, _sent.Count);
    }

    [Fact]
    public async Task AnAttemptsTimeout_CoversReadingTheResponseBody()
    {
        var body = new StalledContent();
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK) { Content = body });

        // Headers only: whatever reads the body here is the pipeline itself.
        var call = Http(Services()).GetAsync("https://co-up.cobot.me/api/memberships", HttpCompletionOption.ResponseHeadersRead);
        await body.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        _time.Advance(new CobotClientOptions().Timeout);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AnAttemptThatTimesOut_FailsTheCallTransiently()
    {
        var body = new StalledContent();
        _answers.Enqueue(new HttpResponseMessage(HttpStatusCode.OK) { Content = body });
        var client = Services().GetRequiredService<CobotClient>();

        var call = client.ListPlansAsync(Connection, CancellationToken.None);
        await body.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(new CobotClientOptions().Timeout);

        var ex = await Assert.ThrowsAsync<CobotApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(ex.IsTransient);
        Assert.Contains("did not answer in time", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cobot:Timeout", "00:00:00.005")]
    [InlineData("Cobot:MaxWait", "-00:00:01")]
    [InlineData("Cobot:RateWindow", "00:00:00")]
    public void InvalidSettings_FailValidationNamingTheSetting(string setting, string value)
    {
        var services = Services(new() { [setting] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CobotClientOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains(setting, StringComparison.Ordinal));
    }

    /// <summary>A body whose bytes never come: reading it ends only when the reader gives up.</summary>
    private sealed class StalledContent : HttpContent
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
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

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
