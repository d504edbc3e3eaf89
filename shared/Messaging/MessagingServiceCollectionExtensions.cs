using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.LocalQueue;
using CoworkSync.Messaging.Processing;
using CoworkSync.Messaging.Publishing;
using CoworkSync.State.Health;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The setting that sends events through Service Bus (its namespace); without it, local mode's storage queue carries them.</summary>
    public const string ServiceBusNamespaceSetting = "ServiceBusConnection:fullyQualifiedNamespace";

    /// <summary>
    /// Registers events and their processing: the failure policy and the handler registry, the processed-event claims,
    /// dead letters, the hourly event counters, and the events queue: Service Bus when <see cref="ServiceBusNamespaceSetting"/> is set, otherwise
    /// the local storage queue (whose pump the host adds: see <see cref="UsesLocalQueue"/>).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's settings.</param>
    /// <param name="requireServiceBus">Under the Functions host: refuse to start without Service Bus.</param>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, bool requireServiceBus)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EventProcessingOptions>().BindConfiguration(EventProcessingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventHandlerRegistry>();
        services.AddSingleton<IEventProcessor, EventProcessor>();
        services.AddSingleton<ProcessedEventStore>();
        services.AddSingleton<IProcessedEventStore>(provider => provider.GetRequiredService<ProcessedEventStore>());
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<ProcessedEventStore>());
        services.AddSingleton<OpenDeadLetters>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddEventCounters();
        services.AddSingleton<DeadLetterActions>();
        services.AddSingleton<DeadLetterIngestor>();

        if (!UsesLocalQueue(configuration))
        {
            services.AddServiceBusPublisher(configuration);
            return services;
        }
        if (requireServiceBus)
            throw new InvalidOperationException($"Under the Functions host, set '{ServiceBusNamespaceSetting.Replace(":", "__", StringComparison.Ordinal)}': events go through Service Bus.");
        services.AddOptions<LocalQueueOptions>()
            .BindConfiguration(LocalQueueOptions.SectionName)
            .Configure(o => o.QueueName = configuration[ServiceBusOptions.QueueNameSetting] is { Length: > 0 } name ? name : o.QueueName);
        services.AddSingleton<QueueArrivals>();
        services.AddSingleton<LocalEventQueue>();
        services.AddSingleton<IEventPublisher, LocalQueueEventPublisher>();
        services.AddSingleton<IHealthProbe, LocalQueueHealthProbe>();
        return services;
    }

    /// <summary>
    /// The hourly event counters: in memory per process (<see cref="EventCounters"/>), written every 30 s
    /// (<see cref="EventCountFlusher"/>), read for the last day (<see cref="HourlyEventCounts"/>), purged with the other
    /// expiring records.
    /// </summary>
    public static IServiceCollection AddEventCounters(this IServiceCollection services)
    {
        services.AddSingleton<EventCounters>();
        services.AddSingleton<EventCountStore>();
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<EventCountStore>());
        services.AddSingleton<EventCountRecorder>();
        services.AddSingleton<HourlyEventCounts>();
        services.AddHostedService<EventCountFlusher>();
        return services;
    }

    /// <summary>Whether events go through local mode's storage queue (no Service Bus namespace is set).</summary>
    public static bool UsesLocalQueue(IConfiguration configuration) => configuration[ServiceBusNamespaceSetting] is not { Length: > 0 };
}
