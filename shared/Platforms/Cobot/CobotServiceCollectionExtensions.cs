using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Processing;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoworkSync.Platforms.Cobot;

public static class CobotServiceCollectionExtensions
{
    public const string HttpClientName = "cobot";
    public const string PipelineName = "cobot-api";

    /// <summary>Set by App Service in Azure: the app's default host name.</summary>
    public const string WebsiteHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary>
    /// Registers Cobot as a platform (<see cref="CobotPlatform"/> and its parts, the client, the connection flow, the
    /// webhook and check-in event handlers, and the check-in queue told of RADIUS session starts). Needs the connectors
    /// (<c>AddConnectors</c>), members (<c>AddMembers</c>), access groups and network access registered.
    /// </summary>
    public static IServiceCollection AddCobot(this IServiceCollection services)
    {
        services.AddCobotClient();
        services.AddSingleton<CobotConnections>();
        services.AddSingleton<CobotConnectionStore>();
        services.AddSingleton<CobotPlatformFailures>();
        services.AddSingleton<CobotCallbackUrls>();
        services.AddSingleton<CobotSubscriptions>();
        services.AddSingleton<CobotWebhookCheck>();
        services.AddSingleton<CobotTimeZoneCheck>();
        services.AddSingleton<CobotCustomFieldSetup>();
        services.AddSingleton<CobotPlanNames>();
        services.AddSingleton<CobotOAuthState>();
        services.AddSingleton<CobotConnectFlow>();
        services.AddSingleton<CobotMemberRefresher>();
        services.AddSingleton<CobotCheckInStore>();
        services.AddSingleton<CobotSettingsSection>();
        services.AddSingleton<CobotSecrets>();
        services.AddSingleton<CobotWebhookReceiver>();
        services.AddSingleton<CobotMembers>();
        services.AddSingleton<CobotChecks>();
        services.AddSingleton<CobotViews>();
        services.AddSingleton<CobotMemberSignIn>();
        services.AddSingleton<CobotConnect>();
        services.AddSingleton<IPlatform, CobotPlatform>();
        services.AddSingleton<IEventHandler, CobotWebhookEventHandler>();
        services.AddSingleton<IEventHandler, CobotCheckInHandler>();
        services.AddSingleton<ISessionStartObserver, CobotCheckInQueue>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="CobotClient"/> (typed HttpClient whose resilience pipeline is <see cref="CobotResilience"/>:
    /// 429 retry, the per-token <see cref="CobotRateLimiter"/>, the attempt timeout) and <see cref="CobotClientOptions"/>
    /// bound to the <c>Cobot</c> settings section. Every wait is on the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddCobotClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CobotClientOptions>().BindConfiguration(CobotClientOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RateWindow > TimeSpan.Zero && o.MaxWait >= TimeSpan.Zero,
                "Cobot:RateWindow must be positive, Cobot:MaxWait not negative.")
            .Validate(o => o.Timeout >= TimeSpan.FromMilliseconds(10) && o.Timeout <= TimeSpan.FromDays(1),
                "Cobot:Timeout must be between 10 ms and a day.")
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Cobot:PublicBaseUrl must be an absolute URL.")
            .Validate(o => Uri.TryCreate(o.SignInBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Cobot:SignInBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        // In Azure the platform sets WEBSITE_HOSTNAME to the app's default host name: the public URL unless one is configured.
        services.AddOptions<CobotClientOptions>().PostConfigure<IConfiguration>((o, configuration) =>
        {
            if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && configuration[WebsiteHostNameSetting] is { Length: > 0 } host)
                o.PublicBaseUrl = "https://" + host;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CobotRateLimiter>();
        // Waits for rate-limit slots can be long: the pipeline's attempt timeout (Cobot:Timeout) bounds each request
        // instead of the client's own. The factory's request logging ("HTTP {HttpMethod} {Uri}", as message and scope)
        // would write the path of POST /api/access_tokens/{token}/space, a token: it is removed; the client and the
        // pipeline log masked paths.
        var http = services.AddHttpClient<CobotClient>(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        http.AddResilienceHandler(PipelineName, static (pipeline, context) =>
            {
                var provider = context.ServiceProvider;
                var options = provider.GetRequiredService<IOptions<CobotClientOptions>>().Value;
                var limiter = provider.GetRequiredService<CobotRateLimiter>();
                var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CobotClient>();
                pipeline
                    .AddRetry(CobotResilience.ThrottleRetry(options, limiter, provider.GetRequiredService<TimeProvider>(), logger))
                    .AddRateLimiter(CobotResilience.RateLimiter(limiter))
                    .AddTimeout(CobotResilience.AttemptTimeout(options));
            });
        // Inside the pipeline, so within each attempt and its timeout.
        http.AddHttpMessageHandler(() => new CobotResponseBuffering());
        return services;
    }
}
