using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoworkSync.Functions.Events.PurgeProcessedEvents;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using CoworkSync.State.Tables;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>Invocation payloads shaped like the Functions host's, posted to <c>/{FunctionName}</c>.</summary>
public sealed class InvocationPayloadTests
{
    private const string Envelope = """{"id":"evt_1","type":"test.event","connectorId":"c1","occurredAt":"2026-11-23T08:00:00Z","attempt":1,"payload":{"a":1}}""";

    [Fact]
    public async Task ProcessEvent_ServiceBusPayloadWithBinaryData_HandsTheExactBodyAndMetadataToTheProcessor()
    {
        QueueDelivery? received = null;
        var processor = new Mock<IEventProcessor>();
        processor.Setup(p => p.ProcessAsync(It.IsAny<QueueDelivery>(), It.IsAny<CancellationToken>()))
            .Callback<QueueDelivery, CancellationToken>((d, _) => received = d)
            .ReturnsAsync(ProcessingOutcome.Applied);
        using var app = FunctionAppFactory.UnderFunctionsHost(s => s.Replace(processor.Object));

        var response = await app.CreateClient().PostAsync("/ProcessEvent", Json(ServiceBusPayload(Convert.ToBase64String(Encoding.UTF8.GetBytes(Envelope)), deliveryCount: "3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(received);
        Assert.Equal(Envelope, Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal("evt_1", received.MessageId);
        Assert.Equal(3, received.DeliveryCount);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Contains("Applied", body.RootElement.GetProperty("Logs")[0].GetString());
        Assert.Equal("Applied", body.RootElement.GetProperty("ReturnValue").GetString());
    }

    [Fact]
    public async Task ProcessEvent_DoubleEncodedStringData_IsUnwrappedToTheOriginalBody()
    {
        QueueDelivery? received = null;
        var processor = new Mock<IEventProcessor>();
        processor.Setup(p => p.ProcessAsync(It.IsAny<QueueDelivery>(), It.IsAny<CancellationToken>()))
            .Callback<QueueDelivery, CancellationToken>((d, _) => received = d)
            .ReturnsAsync(ProcessingOutcome.Applied);
        using var app = FunctionAppFactory.UnderFunctionsHost(s => s.Replace(processor.Object));

        var response = await app.CreateClient().PostAsync("/ProcessEvent", Json(ServiceBusPayload(JsonSerializer.Serialize(Envelope), deliveryCount: "1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Envelope, Encoding.UTF8.GetString(received!.Body.Span));
    }

    [Fact]
    public async Task ProcessEvent_ProcessorCrashes_Answers500SoTheHostAbandonsTheMessage()
    {
        var processor = new Mock<IEventProcessor>();
        processor.Setup(p => p.ProcessAsync(It.IsAny<QueueDelivery>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        using var app = FunctionAppFactory.UnderFunctionsHost(s => s.Replace(processor.Object));

        var response = await app.CreateClient().PostAsync("/ProcessEvent", Json(ServiceBusPayload(Convert.ToBase64String(Encoding.UTF8.GetBytes(Envelope)), "1")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("InvalidOperationException", body.RootElement.GetProperty("Logs")[0].GetString());
        Assert.DoesNotContain("boom", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task IngestDeadLetter_ReadsTheBrokersReasonFromApplicationProperties()
    {
        DeadLetterFailure? recorded = null;
        var store = new Mock<IDeadLetterStore>();
        store.Setup(s => s.RecordFailureAsync(It.IsAny<DeadLetterFailure>(), It.IsAny<CancellationToken>()))
            .Callback<DeadLetterFailure, CancellationToken>((f, _) => recorded = f)
            .ReturnsAsync((DeadLetterFailure f, CancellationToken _) => new DeadLetter { Id = f.DeadLetterId, Reason = f.Reason, Source = f.Source });
        using var app = FunctionAppFactory.UnderFunctionsHost(s => s.Replace(store.Object));

        var payload = ServiceBusPayload(Convert.ToBase64String(Encoding.UTF8.GetBytes(Envelope)), "10",
            properties: new { DeadLetterReason = "MaxDeliveryCountExceeded", DeadLetterErrorDescription = "Message could not be consumed after 10 delivery attempts." });
        var response = await app.CreateClient().PostAsync("/IngestDeadLetter", Json(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(recorded);
        Assert.Equal("MaxDeliveryCountExceeded", recorded.Reason);
        Assert.Equal("Message could not be consumed after 10 delivery attempts.", recorded.ErrorDescription);
        Assert.Equal(10, recorded.Attempts);
        Assert.Equal("evt_1", recorded.Envelope!.Id);
        Assert.Equal(DeadLetterSources.DeadLetterQueue, recorded.Source);
    }

    [Fact]
    public async Task PurgeProcessedEvents_TimerPayload_PurgesRecordsOlderThanTheRetention()
    {
        var now = new DateTimeOffset(2026, 11, 23, 3, 17, 0, TimeSpan.Zero);
        var processed = new Mock<IExpiringRecords>();
        processed.Setup(s => s.PurgeBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(7);
        var webhooks = new Mock<IExpiringRecords>();
        webhooks.Setup(s => s.PurgeBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(2);
        using var app = FunctionAppFactory.UnderFunctionsHost(s => s.RemoveAll<IExpiringRecords>()
            .AddSingleton(processed.Object).AddSingleton(webhooks.Object).Replace<TimeProvider>(new FakeTimeProvider(now)));

        var timerPayload = new
        {
            Data = new
            {
                timer = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = "2026-11-22T03:17:00", Next = "2026-11-23T03:17:00", LastUpdated = "2026-11-22T03:17:00" },
                    IsPastDue = false,
                },
            },
            Metadata = new { sys = new { MethodName = "PurgeProcessedEvents", UtcNow = "2026-11-23T03:17:00.0022Z", RandGuid = Guid.NewGuid() } },
        };
        var response = await app.CreateClient().PostAsync("/PurgeProcessedEvents", Json(timerPayload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        processed.Verify(s => s.PurgeBeforeAsync(now - new RetentionOptions().ProcessedEvents, It.IsAny<CancellationToken>()), Times.Once);
        webhooks.Verify(s => s.PurgeBeforeAsync(now - new RetentionOptions().ProcessedEvents, It.IsAny<CancellationToken>()), Times.Once);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(9, body.RootElement.GetProperty("ReturnValue").GetInt32());
    }

    [Fact]
    public async Task UnknownFunction_Answers404()
    {
        using var app = FunctionAppFactory.UnderFunctionsHost();

        var response = await app.CreateClient().PostAsync("/NoSuchFunction", Json(new { Data = new { }, Metadata = new { } }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessProbe_GetRoot_Answers200()
    {
        using var app = FunctionAppFactory.UnderFunctionsHost();

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static object ServiceBusPayload(string data, string deliveryCount, object? properties = null) => new
    {
        Data = new { message = data },
        Metadata = new Dictionary<string, object>
        {
            ["DeliveryCount"] = deliveryCount,
            ["LockToken"] = "\"4e77b4e4-0b8d-4e2a-a9c3-1b2f3e4d5c6b\"",
            ["MessageId"] = "\"evt_1\"",
            ["EnqueuedTimeUtc"] = "\"2026-11-23T08:00:01\"",
            ["ContentType"] = "\"application/json\"",
            ["ApplicationProperties"] = properties ?? new { },
            ["UserProperties"] = properties ?? new { },
            ["MessageActions"] = new { },
            ["sys"] = new { MethodName = "ProcessEvent", UtcNow = "2026-11-23T08:00:02.1Z", RandGuid = Guid.NewGuid() },
        },
    };

    private static JsonContent Json(object value) => JsonContent.Create(value);
}
