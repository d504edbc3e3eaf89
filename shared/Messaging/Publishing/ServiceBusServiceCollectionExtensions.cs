using Azure.Core;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;
using CoworkSync.State.Health;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoworkSync.Messaging.Publishing;

public static class ServiceBusServiceCollectionExtensions
{
    /// <summary>The client's retries of a failed operation (each attempt bounded by <see cref="AttemptTimeout"/>).</summary>
    public const int MaxRetries = 3;

    /// <summary>The longest one attempt of an operation may take.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="IEventPublisher"/> as <see cref="ServiceBusEventPublisher"/> and the <c>queue</c>
    /// <see cref="IHealthProbe"/>: one <see cref="ServiceBusClient"/> for the app (through <c>AddAzureClients</c>), with a
    /// sender and a peek-only receiver for the events queue. The client signs in with the Azure.Core
    /// <see cref="TokenCredential"/> the app registers (not here): its managed identity in Azure.
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

        services.AddAzureClients(clients =>
        {
            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>((options, credential, provider) =>
                    new ServiceBusClient(Settings(provider).NamespaceHost()!, credential, options))
                .WithCredential(provider => provider.GetRequiredService<TokenCredential>())
                .ConfigureOptions(options => options.RetryOptions = new ServiceBusRetryOptions
                {
                    // Transient failures only (busy, timeouts, lost connections); a resent message keeps its MessageId,
                    // so duplicate detection drops a copy that did arrive.
                    Mode = ServiceBusRetryMode.Exponential,
                    MaxRetries = MaxRetries,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    TryTimeout = AttemptTimeout,
                });
            clients.AddClient<ServiceBusSender, ServiceBusClientOptions>((_, _, provider) =>
                provider.GetRequiredService<ServiceBusClient>().CreateSender(Settings(provider).QueueName));
            clients.AddClient<ServiceBusReceiver, ServiceBusClientOptions>((_, _, provider) =>
                provider.GetRequiredService<ServiceBusClient>().CreateReceiver(Settings(provider).QueueName));
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IEventPublisher, ServiceBusEventPublisher>();
        services.AddSingleton<ServiceBusHealthProbe>();
        services.AddSingleton<IHealthProbe>(provider => provider.GetRequiredService<ServiceBusHealthProbe>());

        return services;
    }

    private static ServiceBusOptions Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
}
