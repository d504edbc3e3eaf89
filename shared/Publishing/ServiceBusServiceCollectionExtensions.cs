using CoworkSync.Events;
using CoworkSync.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CoworkSync.Publishing;

public static class ServiceBusServiceCollectionExtensions
{
    public const string HttpClientName = "servicebus";
    public const string HealthHttpClientName = "servicebus-health";

    /// <summary>Total time a send may take, retries included.</summary>
    public static readonly TimeSpan SendTotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Time one attempt of a send may take.</summary>
    public static readonly TimeSpan SendAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="IEventPublisher"/> as <see cref="ServiceBusRestPublisher"/> and the <c>queue</c>
    /// <see cref="IHealthProbe"/>. Needs an Azure.Core <c>TokenCredential</c> registered by the app (not here).
    /// </summary>
    public static IServiceCollection AddServiceBusPublisher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ServiceBusOptions>()
            .Bind(configuration.GetSection(ServiceBusOptions.SectionName))
            .Configure(o => o.QueueName = configuration[ServiceBusOptions.QueueNameSetting] is { Length: > 0 } queue ? queue : ServiceBusOptions.DefaultQueueName)
            .ValidateDataAnnotations()
            .Validate(o => o.NamespaceHost() is not null, $"{ServiceBusOptions.SectionName}:FullyQualifiedNamespace must be a host name such as myns.servicebus.windows.net.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceBusTokenProvider>();

        // The publisher may be captured by singletons: pooled connections are recycled instead of handlers, so DNS changes are still seen.
        services.AddHttpClient<IEventPublisher, ServiceBusRestPublisher>(HttpClientName)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
            // A resent POST is safe: the same MessageId lets duplicate detection drop a copy that did arrive.
            .AddResilienceHandler("servicebus-send", pipeline => pipeline
                .AddTimeout(SendTotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    // The default predicate retries only network errors, timeouts, 408, 429 and 5xx.
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    UseJitter = true,
                })
                .AddTimeout(SendAttemptTimeout));

        services.AddHttpClient<ServiceBusHealthProbe>(HealthHttpClientName, client => client.Timeout = ServiceBusHealthProbe.Timeout);
        services.AddTransient<IHealthProbe>(provider => provider.GetRequiredService<ServiceBusHealthProbe>());

        return services;
    }
}
