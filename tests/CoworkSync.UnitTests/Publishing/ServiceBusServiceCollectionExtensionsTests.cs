using System.Net;
using Azure.Core;
using CoworkSync.Events;
using CoworkSync.Health;
using CoworkSync.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.Publishing;

public sealed class ServiceBusServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, CapturingHandler? sendHandler = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(PublishingFakes.Credential(DateTimeOffset.UtcNow.AddHours(1)).Object);
        services.AddServiceBusPublisher(configuration);
        if (sendHandler is not null)
            services.AddHttpClient(ServiceBusServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => sendHandler);
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
    public void AddServiceBusPublisher_FunctionsHostSettings_BindsOptions()
    {
        using var provider = Build(FunctionsHostSettings);

        var options = provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;

        Assert.Equal("myns.servicebus.windows.net", options.FullyQualifiedNamespace);
        Assert.Equal("11111111-2222-3333-4444-555555555555", options.ClientId);
        Assert.Equal("coworksync-events", options.QueueName);
    }

    [Fact]
    public void AddServiceBusPublisher_NoQueueSetting_DefaultsToEvents()
    {
        using var provider = Build(new() { ["ServiceBusConnection:fullyQualifiedNamespace"] = "myns.servicebus.windows.net" });

        Assert.Equal("events", provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value.QueueName);
    }

    [Fact]
    public void AddServiceBusPublisher_NamespaceMissing_OptionsFailValidation()
    {
        using var provider = Build(new() { ["EventsQueueName"] = "events" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value);
    }

    [Fact]
    public void AddServiceBusPublisher_Resolve_PublisherAndQueueProbe()
    {
        using var provider = Build(FunctionsHostSettings);

        Assert.IsType<ServiceBusRestPublisher>(provider.GetRequiredService<IEventPublisher>());
        Assert.Contains(provider.GetServices<IHealthProbe>(), probe => probe is ServiceBusHealthProbe { Name: "queue" });
    }

    [Fact]
    public async Task AddServiceBusPublisher_TransientAnswerThenCreated_RetriesAndSucceeds()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        using var provider = Build(FunctionsHostSettings, handler);
        var envelope = PublishingFakes.Envelope();

        await provider.GetRequiredService<IEventPublisher>().PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, request =>
        {
            Assert.Equal(EventEnvelopeJson.Serialize(envelope), request.Body);
            Assert.Equal("""{"MessageId":"evt-1","Label":"member.updated"}""", request.Header("BrokerProperties"));
        });
    }

    [Fact]
    public async Task AddServiceBusPublisher_Unauthorized_NotRetried()
    {
        var handler = new CapturingHandler(HttpStatusCode.Unauthorized);
        using var provider = Build(FunctionsHostSettings, handler);
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            provider.GetRequiredService<IEventPublisher>().PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void AddServiceBusPublisher_Always_RegistersNoCredential()
    {
        var services = new ServiceCollection();

        services.AddServiceBusPublisher(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(TokenCredential));
    }
}
