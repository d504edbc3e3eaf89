using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.LocalQueue;
using CoworkSync.Messaging.Processing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// The function app in local mode against a real Azurite: the queue pump and timers run, events flow through the
/// storage queue with the delivery emulation. Short delays keep the tests quick; each app gets its own queue.
/// </summary>
public sealed class LocalFunctionApp(string storageConnectionString, IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    public const string FunctionKey = "integration-test-key";
    public const int MaxDeliveryCount = 3;
    public const int MaxAttempts = 3;

    public ScriptedHandler Handler { get; } = new();

    /// <summary>More service changes a test wants (a clock, a stand-in), applied after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public string QueueName { get; } = "events-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The app's local data folder (its secrets, key and emails), unless the settings name another.</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "coworksync-it-" + Guid.NewGuid().ToString("N"));

    public IEventPublisher Publisher => Services.GetRequiredService<IEventPublisher>();

    /// <summary>Every event this app put on its queue.</summary>
    public IReadOnlyCollection<EventEnvelope> Published => Services.GetRequiredService<RecordingPublisher>().Published;

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        return client;
    }

    public Task PublishAsync(EventEnvelope envelope) => Publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);

    public static EventEnvelope Event(string connectorId, string? id = null, object? payload = null) => new()
    {
        Id = id ?? "evt_" + Guid.NewGuid().ToString("N")[..10],
        Type = ScriptedHandler.Type,
        ConnectorId = connectorId,
        OccurredAt = DateTimeOffset.UtcNow,
        Payload = JsonSerializer.SerializeToElement(payload ?? new { member = "mem_42" }),
    };

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Admin().GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["EventsQueueName"] = QueueName,
            ["LocalMode:FunctionKey"] = FunctionKey,
            ["LocalData:Path"] = DataPath,
            ["LocalQueue:PollInterval"] = "00:00:00.050",
            ["LocalQueue:MaxDeliveryCount"] = MaxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventProcessing:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventProcessing:BaseRetryDelay"] = "00:00:00.200",
            ["EventProcessing:MaxRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Mock.Of<TokenCredential>());
            services.AddSingleton<IEventHandler>(Handler);
            services.AddSingleton<LocalQueueEventPublisher>();
            services.AddSingleton(provider => new RecordingPublisher(provider.GetRequiredService<LocalQueueEventPublisher>()));
            services.AddSingleton<IEventPublisher>(provider => provider.GetRequiredService<RecordingPublisher>());
            ConfigureServices?.Invoke(services);
        });
    }
}
