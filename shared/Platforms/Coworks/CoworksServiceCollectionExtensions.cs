using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoworkSync.Platforms.Coworks;

public static class CoworksServiceCollectionExtensions
{
    public const string HttpClientName = "coworks";
    public const string PipelineName = "coworks-api";

    /// <summary>
    /// Registers Coworks as a platform (<see cref="CoworksPlatform"/> and its parts, the client, the webhook event
    /// handler). Needs the connectors (<c>AddConnectors</c>) and members (<c>AddMembers</c>) registered.
    /// </summary>
    public static IServiceCollection AddCoworks(this IServiceCollection services)
    {
        services.AddCoworksClient();
        services.AddSingleton<CoworksCredentials>();
        services.AddSingleton<CoworksSettingsSection>();
        services.AddSingleton<CoworksSecrets>();
        services.AddSingleton<CoworksWebhookReceiver>();
        services.AddSingleton<CoworksMembers>();
        services.AddSingleton<CoworksChecks>();
        services.AddSingleton<CoworksViews>();
        services.AddSingleton<IPlatform, CoworksPlatform>();
        services.AddSingleton<IEventHandler, CoworksWebhookEventHandler>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="ICoworksClient"/> as a typed HttpClient with its resilience pipeline, and the
    /// <see cref="CoworksClientOptions"/> and <see cref="CoworksWebhookOptions"/> bound to the <c>Coworks</c> settings
    /// section (read from the app's <c>IConfiguration</c>).
    /// </summary>
    public static IServiceCollection AddCoworksClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<CoworksClientOptions>().BindConfiguration(CoworksClientOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoworksClientOptions>, CoworksClientOptionsValidator>());
        services.AddOptions<CoworksWebhookOptions>().BindConfiguration(CoworksClientOptions.SectionName)
            .Validate(o => o.SignatureTolerance >= TimeSpan.Zero, $"{CoworksClientOptions.SectionName}:{nameof(CoworksWebhookOptions.SignatureTolerance)} must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The client may be captured by singletons: pooled connections are recycled instead of handlers, so DNS changes are still seen.
        services.AddHttpClient<ICoworksClient, CoworksClient>(HttpClientName, (provider, client) =>
                // The pipeline's total timeout governs; HttpClient's own must not cut it short.
                client.Timeout = provider.GetRequiredService<IOptions<CoworksClientOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5))
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(PipelineName, static (pipeline, context) =>
            {
                var provider = context.ServiceProvider;
                var options = provider.GetRequiredService<IOptions<CoworksClientOptions>>().Value;
                var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
                var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CoworksClient>();
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(CoworksResilience.Retry(options, time, logger))
                    .AddCircuitBreaker(CoworksResilience.CircuitBreaker())
                    .AddTimeout(options.AttemptTimeout);
            })
            .SelectPipelineByAuthority();

        return services;
    }
}
