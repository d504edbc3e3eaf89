using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.Connectors.Cobot;

public static class CobotServiceCollectionExtensions
{
    public const string HttpClientName = "cobot";

    /// <summary>Set by App Service in Azure: the app's default host name.</summary>
    public const string WebsiteHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary>
    /// Registers <see cref="CobotClient"/> (typed HttpClient behind <see cref="CobotRateLimitHandler"/>), the per-token
    /// <see cref="CobotRateLimiter"/>, the waiting it does (<see cref="ICobotDelay"/>) and <see cref="CobotClientOptions"/>
    /// bound to the <c>Cobot</c> settings section.
    /// </summary>
    public static IServiceCollection AddCobotClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CobotClientOptions>().BindConfiguration(CobotClientOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RateWindow > TimeSpan.Zero && o.MaxWait >= TimeSpan.Zero && o.Timeout > TimeSpan.Zero,
                "Cobot:RateWindow and Cobot:Timeout must be positive, Cobot:MaxWait not negative.")
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Cobot:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        // In Azure the platform sets WEBSITE_HOSTNAME to the app's default host name: the public URL unless one is configured.
        services.AddOptions<CobotClientOptions>().PostConfigure<IConfiguration>((o, configuration) =>
        {
            if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && configuration[WebsiteHostNameSetting] is { Length: > 0 } host)
                o.PublicBaseUrl = "https://" + host;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICobotDelay, CobotDelay>();
        services.TryAddSingleton<CobotRateLimiter>();
        services.TryAddTransient<CobotRateLimitHandler>();
        // Waits for rate-limit slots can be long; each attempt's own timeout (Cobot:Timeout) is applied by the handler.
        // The factory's own request logging ("HTTP {HttpMethod} {Uri}", as message and scope) would write the path of
        // POST /api/access_tokens/{token}/space, a token: it is removed; the client and the handler log masked paths.
        services.AddHttpClient<CobotClient>(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<CobotRateLimitHandler>();
        return services;
    }
}
