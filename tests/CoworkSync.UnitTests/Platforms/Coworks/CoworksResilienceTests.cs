using System.Net;
using CoworkSync.Platforms.Coworks;
using CoworkSync.UnitTests.Messaging.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;

namespace CoworkSync.UnitTests.Platforms.Coworks;

/// <summary>The retry pipeline's decisions (delays asserted as computed, never by the wall clock).</summary>
public sealed class CoworksResilienceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private static readonly CoworksConnection Connection = new(new Uri("https://api.coworks.test/"), "spc_123", "cw_key");

    private static HttpResponseMessage Response(HttpStatusCode status, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "7", 7.0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "2", 2.0)]
    [InlineData(HttpStatusCode.TooManyRequests, "Sun, 01 Nov 2026 09:30:12 GMT", 12.0)]
    [InlineData(HttpStatusCode.TooManyRequests, "Sun, 01 Nov 2026 09:29:00 GMT", 0.0)]
    [InlineData(HttpStatusCode.TooManyRequests, "0", 0.0)]
    public void Delay_RetryAfterOn429Or503_IsTheRequestedWait(HttpStatusCode status, string retryAfter, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), CoworksRetryAfter.Delay(Response(status, retryAfter), Now, Max));
    }

    [Fact]
    public void Delay_RetryAfterLongerThanMax_IsCappedAndTooLong()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, "120");

        Assert.Equal(Max, CoworksRetryAfter.Delay(response, Now, Max));
        Assert.True(CoworksRetryAfter.TooLong(response, Now, Max));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, null)]
    [InlineData(HttpStatusCode.InternalServerError, "5")]
    [InlineData(HttpStatusCode.OK, "5")]
    [InlineData(HttpStatusCode.TooManyRequests, "soon")]
    public void Delay_NoUsableRetryAfter_IsNullSoBackoffApplies(HttpStatusCode status, string? retryAfter)
    {
        Assert.Null(CoworksRetryAfter.Delay(Response(status, retryAfter), Now, Max));
    }

    [Fact]
    public void Delay_NoResponse_IsNull()
    {
        Assert.Null(CoworksRetryAfter.Delay(null, Now, Max));
    }

    private static RetryStrategyOptions<HttpResponseMessage> RetryOptions() =>
        CoworksResilience.Retry(new CoworksClientOptions(), new FakeTimeProvider(Now), NullLogger.Instance);

    [Fact]
    public async Task RetryDelayGenerator_TooManyRequestsWithRetryAfter_ReturnsTheRequestedWait()
    {
        var context = ResilienceContextPool.Shared.Get();
        using var response = Response(HttpStatusCode.TooManyRequests, "7");

        var delay = await RetryOptions().DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0));

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public async Task RetryDelayGenerator_ServerError_LeavesTheBackoffToPolly()
    {
        var context = ResilienceContextPool.Shared.Get();
        using var response = Response(HttpStatusCode.InternalServerError);

        Assert.Null(await RetryOptions().DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0)));
    }

    [Fact]
    public void Retry_Defaults_AreFourRetriesExponentialWithJitterFromOneSecondUpToThirty()
    {
        var retry = RetryOptions();

        Assert.Equal(4, retry.MaxRetryAttempts);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.True(retry.UseJitter);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "1", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "30", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "31", false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, true)]
    [InlineData(HttpStatusCode.InternalServerError, null, true)]
    [InlineData(HttpStatusCode.RequestTimeout, null, true)]
    [InlineData(HttpStatusCode.Unauthorized, null, false)]
    [InlineData(HttpStatusCode.NotFound, null, false)]
    [InlineData(HttpStatusCode.OK, null, false)]
    public async Task RetryShouldHandle_Status_RetriesOnlyTransientAnswersWithinTheMaxWait(HttpStatusCode status, string? retryAfter, bool retried)
    {
        var context = ResilienceContextPool.Shared.Get();
        using var response = Response(status, retryAfter);

        Assert.Equal(retried, await RetryOptions().ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0)));
    }

    private static ServiceProvider Services(CapturingHandler handler, ListLogger<CoworksClient> logger, TimeProvider time,
        Dictionary<string, string?>? settings = null, bool everyCategory = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new SingleLoggerProvider(logger, everyCategory)));
        services.AddSingleton(time);
        services.AddCoworksClient();
        services.AddHttpClient(CoworksServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Pipeline_TooManyRequestsWithRetryAfter_WaitsTheRequestedDelayThenSucceeds()
    {
        var clock = new FakeTimeProvider(Now);
        var logger = new ListLogger<CoworksClient>();
        var next = 0;
        var handler = new CapturingHandler((_, _) => Task.FromResult(Interlocked.Increment(ref next) == 1
            ? Response(HttpStatusCode.TooManyRequests, "7")
            : CoworksApiJson.Plans(("pln_flex", "Flex"))));
        await using var provider = Services(handler, logger, clock);

        var call = provider.GetRequiredService<ICoworksClient>().ListPlansAsync(Connection, CancellationToken.None);
        await WaitUntilAsync(() => logger.Lines.Any(line => line.Contains("retry 1", StringComparison.Ordinal)));
        Assert.Single(handler.Requests);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(handler.Requests);
        clock.Advance(TimeSpan.FromSeconds(1));
        // The wait runs on the injected clock: without these advances the call would not finish within the 5 s below.
        var plans = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(plans);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(logger.Lines, line => line.Contains("failed with 429; retry 1 in 00:00:07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_ServerErrors_RetriedUpToMaxRetriesThenThrowsTransient()
    {
        var logger = new ListLogger<CoworksClient>();
        var handler = CapturingHandler.Answering(HttpStatusCode.InternalServerError);
        await using var provider = Services(handler, logger, TimeProvider.System, new()
        {
            ["Coworks:MaxRetries"] = "2",
            ["Coworks:RetryBaseDelay"] = "00:00:00.001",
            ["Coworks:MaxRetryDelay"] = "00:00:00.005",
        });

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => provider.GetRequiredService<ICoworksClient>().ListPlansAsync(Connection, CancellationToken.None));

        Assert.Equal(500, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Pipeline_Unauthorized_NotRetried()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.Unauthorized);
        await using var provider = Services(handler, new ListLogger<CoworksClient>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => provider.GetRequiredService<ICoworksClient>().ListPlansAsync(Connection, CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Pipeline_RetryAfterLongerThanMax_GivesUpAtOnceWithTheWait()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(Response(HttpStatusCode.TooManyRequests, "600")));
        await using var provider = Services(handler, new ListLogger<CoworksClient>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => provider.GetRequiredService<ICoworksClient>().ListPlansAsync(Connection, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(10), ex.RetryAfter);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Pipeline_RetriedThenRejected_NoLogLineOfAnyCategoryHoldsTheKey()
    {
        const string key = "cw_live_TRACE_SECRET";
        var logger = new ListLogger<CoworksClient>();
        var next = 0;
        var handler = new CapturingHandler((_, _) => Task.FromResult(Interlocked.Increment(ref next) == 1
            ? Response(HttpStatusCode.ServiceUnavailable, "0")
            : new HttpResponseMessage(HttpStatusCode.Unauthorized)));
        await using var provider = Services(handler, logger, TimeProvider.System, everyCategory: true);

        await Assert.ThrowsAsync<CoworksApiException>(() =>
            provider.GetRequiredService<ICoworksClient>().ListPlansAsync(Connection with { ApiKey = key }, CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(logger.Lines, line => line.Contains("Authorization", StringComparison.Ordinal));
        Assert.All(logger.Lines, line => Assert.DoesNotContain(key, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddCoworksClient_Settings_BindTheOptions()
    {
        await using var provider = Services(new CapturingHandler(HttpStatusCode.OK), new ListLogger<CoworksClient>(), TimeProvider.System, new()
        {
            ["Coworks:MaxRetries"] = "1",
            ["Coworks:SignatureTolerance"] = "00:01:00",
        });

        Assert.Equal(1, provider.GetRequiredService<IOptions<CoworksClientOptions>>().Value.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<CoworksClientOptions>>().Value.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), provider.GetRequiredService<IOptions<CoworksWebhookOptions>>().Value.SignatureTolerance);
    }

    [Fact]
    public async Task AddCoworksClient_InvalidSettings_FailValidationNamingTheSetting()
    {
        await using var provider = Services(new CapturingHandler(HttpStatusCode.OK), new ListLogger<CoworksClient>(), TimeProvider.System, new()
        {
            ["Coworks:MaxRetries"] = "-1",
            ["Coworks:AttemptTimeout"] = "00:05:00",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CoworksClientOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("Coworks:MaxRetries", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Coworks:AttemptTimeout", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition(), "The condition did not become true in time.");
    }

    /// <summary>Sends the client's category (or, with <paramref name="everyCategory"/>, every category) to one logger.</summary>
    private sealed class SingleLoggerProvider(ILogger logger, bool everyCategory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => everyCategory || categoryName == typeof(CoworksClient).FullName ? logger : NullLogger.Instance;

        public void Dispose() { }
    }
}
