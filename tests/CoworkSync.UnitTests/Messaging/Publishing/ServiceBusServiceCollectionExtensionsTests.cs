using Azure.Core;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Publishing;
using CoworkSync.State.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.Messaging.Publishing;

/// <summary>The registration, resolved without a network: Service Bus clients connect on their first operation.</summary>
public sealed class ServiceBusServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool withCredential = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        if (withCredential)
            services.AddSingleton(PublishingFakes.Credential().Object);
        services.AddServiceBusPublisher(configuration);
        return services.BuildServiceProvider();
    }

    private static readonly Dictionary<string, string?> FunctionsHostSettings = new()
    {
        // The Functions host's identity-based connection settings, as ServiceBusConnection__fullyQualifiedNamespace etc.
        ["ServiceBusConnection:fullyQualifiedNamespace"] = "myns.servicebus.windows.net",
        ["ServiceBusConnection:clientId"] = "11111111-2222-3333-4444-555555555555",
        ["ServiceBusConnection:credential"] = "managedidentity",
        ["EventsQueueName"] = "coworksync-events",
    };

    [Fact]
    public async Task AddServiceBusPublisher_FunctionsHostSettings_BindsOptions()
    {
        await using var provider = Build(FunctionsHostSettings);

        var options = provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;

        Assert.Equal("myns.servicebus.windows.net", options.FullyQualifiedNamespace);
        Assert.Equal("11111111-2222-3333-4444-555555555555", options.ClientId);
        Assert.Equal("coworksync-events", options.QueueName);
    }

    [Fact]
    public async Task AddServiceBusPublisher_NoQueueSetting_DefaultsToEvents()
    {
        await using var provider = Build(new() { ["ServiceBusConnection:fullyQualifiedNamespace"] = "myns.servicebus.windows.net" });

        Assert.Equal("events", provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value.QueueName);
        Assert.Equal("events", provider.GetRequiredService<ServiceBusSender>().EntityPath);
    }

    [Fact]
    public async Task AddServiceBusPublisher_NamespaceMissing_OptionsFailValidation()
    {
        await using var provider = Build(new() { ["EventsQueueName"] = "events" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value);
    }

    [Fact]
    public async Task AddServiceBusPublisher_Resolve_SdkPublisherAndQueueProbe()
    {
        await using var provider = Build(FunctionsHostSettings);

        Assert.IsType<ServiceBusEventPublisher>(provider.GetRequiredService<IEventPublisher>());
        Assert.Contains(provider.GetServices<IHealthProbe>(), probe => probe is ServiceBusHealthProbe { Name: "queue" });
    }

    [Fact]
    public async Task AddServiceBusPublisher_Resolve_OneClientForTheNamespace_WithASenderAndAReceiverOnTheEventsQueue()
    {
        await using var provider = Build(new(FunctionsHostSettings) { ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb://myns.servicebus.windows.net/" });

        var client = provider.GetRequiredService<ServiceBusClient>();
        var sender = provider.GetRequiredService<ServiceBusSender>();
        var receiver = provider.GetRequiredService<ServiceBusReceiver>();

        Assert.Same(client, provider.GetRequiredService<ServiceBusClient>());
        Assert.Equal("myns.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.Equal(("myns.servicebus.windows.net", "coworksync-events"), (sender.FullyQualifiedNamespace, sender.EntityPath));
        Assert.Equal(("myns.servicebus.windows.net", "coworksync-events"), (receiver.FullyQualifiedNamespace, receiver.EntityPath));
    }

    [Fact]
    public async Task AddServiceBusPublisher_ClientOptions_RetryTransientFailuresWithinBoundedAttempts()
    {
        await using var provider = Build(FunctionsHostSettings);

        var retry = provider.GetRequiredService<IOptionsMonitor<ServiceBusClientOptions>>().Get("Default").RetryOptions;

        Assert.Equal(ServiceBusRetryMode.Exponential, retry.Mode);
        Assert.Equal(ServiceBusServiceCollectionExtensions.MaxRetries, retry.MaxRetries);
        Assert.Equal(ServiceBusServiceCollectionExtensions.AttemptTimeout, retry.TryTimeout);
    }

    [Fact]
    public async Task AddServiceBusPublisher_NoAppCredential_ClientCannotBeMade()
    {
        await using var provider = Build(FunctionsHostSettings, withCredential: false);

        // The client signs in with the app's TokenCredential only, never with a default credential of its own.
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ServiceBusClient>());
    }

    [Fact]
    public async Task AddServiceBusPublisher_ProviderDisposed_ClosesTheClient()
    {
        ServiceBusClient client;
        await using (var provider = Build(FunctionsHostSettings))
            client = provider.GetRequiredService<ServiceBusClient>();

        Assert.True(client.IsClosed);
    }

    [Fact]
    public void AddServiceBusPublisher_Always_RegistersNoCredential()
    {
        var services = new ServiceCollection();

        services.AddServiceBusPublisher(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(TokenCredential));
    }
}
