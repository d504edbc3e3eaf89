using System.Net;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.Messaging.Events;

/// <summary>Events through local mode's queue, delivery emulation and failure policy, against real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventPipelineTests(AzuriteFixture azurite) : IDisposable
{
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "it-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task PublishedEvent_IsAppliedByItsHandler()
    {
        var envelope = LocalFunctionApp.Event(_connector);

        await _app.PublishAsync(envelope);

        await Eventually.TrueAsync(() => _app.Handler.AppliedCount(envelope.Id) == 1, "the event to be applied");
    }

    [Fact]
    public async Task AnEventThisProcessPublishes_WakesThePump_WhichNeverWaitsForItsPoll()
    {
        // The app's clock stands still: the pump's poll interval never ends, so only the wake-up can deliver the event.
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var app = new LocalFunctionApp(azurite.ConnectionString) { ConfigureServices = services => services.AddSingleton<TimeProvider>(frozen) };
        _ = app.Server;
        var envelopes = Enumerable.Range(0, 3).Select(_ => LocalFunctionApp.Event(_connector)).ToList();

        foreach (var envelope in envelopes)
        {
            await app.PublishAsync(envelope);
            await Eventually.TrueAsync(() => app.Handler.AppliedCount(envelope.Id) == 1, $"event {envelope.Id} to be applied");
        }
    }

    [Fact]
    public async Task PublishedBatch_EveryEventIsAppliedOnce()
    {
        var envelopes = Enumerable.Range(0, 3).Select(_ => LocalFunctionApp.Event(_connector)).ToList();

        await _app.Publisher.PublishBatchAsync([.. envelopes.Select(EventPublication.First)], CancellationToken.None);

        foreach (var envelope in envelopes)
            await Eventually.TrueAsync(() => _app.Handler.AppliedCount(envelope.Id) == 1, $"event {envelope.Id} to be applied");
    }

    [Fact]
    public async Task TransientFailure_IsRetriedLater_ThenApplied()
    {
        var envelope = LocalFunctionApp.Event(_connector);
        _app.Handler.Script(envelope.Id, Step.FailTransiently, Step.Succeed);

        await _app.PublishAsync(envelope);

        await Eventually.TrueAsync(() => _app.Handler.AppliedCount(envelope.Id) == 1, "the retried event to be applied");
        var attempts = _app.Handler.Calls.Where(c => c.EventId == envelope.Id).Select(c => c.Attempt).Order().ToList();
        Assert.Equal([1, 2], attempts);
    }

    [Fact]
    public async Task TransientFailureEveryTime_BecomesADeadLetterAfterMaxAttempts()
    {
        var envelope = LocalFunctionApp.Event(_connector);
        _app.Handler.Script(envelope.Id, Step.FailTransiently);

        await _app.PublishAsync(envelope);

        var deadLetter = await WaitForDeadLetterAsync(envelope.Id);
        Assert.Equal("RetriesExhausted", deadLetter.GetProperty("reason").GetString());
        Assert.Equal(LocalFunctionApp.MaxAttempts, deadLetter.GetProperty("attempts").GetInt32());
        Assert.Equal(LocalFunctionApp.MaxAttempts, _app.Handler.CallsFor(envelope.Id));
    }

    [Fact]
    public async Task PermanentFailure_BecomesADeadLetterWithItsReason_AtOnce()
    {
        var envelope = LocalFunctionApp.Event(_connector);
        _app.Handler.Script(envelope.Id, Step.FailPermanently);

        await _app.PublishAsync(envelope);

        var deadLetter = await WaitForDeadLetterAsync(envelope.Id);
        Assert.Equal("UnknownConnector", deadLetter.GetProperty("reason").GetString());
        Assert.Equal($"Connector '{_connector}' does not exist.", deadLetter.GetProperty("errorDescription").GetString());
        Assert.Equal("open", deadLetter.GetProperty("state").GetString());
        Assert.Equal("ProcessEvent", deadLetter.GetProperty("source").GetString());
        Assert.Equal(1, _app.Handler.CallsFor(envelope.Id));

        var full = await _app.GetJsonAsync($"/api/admin/dead-letters/{_connector}:{envelope.Id}");
        Assert.Equal(envelope.Id, full.GetProperty("envelope").GetProperty("id").GetString());
        Assert.Equal("mem_42", full.GetProperty("envelope").GetProperty("payload").GetProperty("member").GetString());
    }

    [Fact]
    public async Task HandlerThatKeepsCrashing_IsDeadLetteredByTheDeliveryEmulation_AndListed()
    {
        var envelope = LocalFunctionApp.Event(_connector);
        _app.Handler.Script(envelope.Id, Step.Crash);

        await _app.PublishAsync(envelope);

        var deadLetter = await WaitForDeadLetterAsync(envelope.Id);
        Assert.Equal("MaxDeliveryCountExceeded", deadLetter.GetProperty("reason").GetString());
        Assert.Equal("DeadLetterQueue", deadLetter.GetProperty("source").GetString());
        Assert.Contains($"{LocalFunctionApp.MaxDeliveryCount} delivery attempts", deadLetter.GetProperty("errorDescription").GetString());
        Assert.Equal(LocalFunctionApp.MaxDeliveryCount, _app.Handler.CallsFor(envelope.Id));
    }

    [Fact]
    public async Task Replay_IsAppliedExactlyOnce_HoweverOftenItIsReplayed()
    {
        var envelope = LocalFunctionApp.Event(_connector);
        _app.Handler.Script(envelope.Id, Step.FailPermanently, Step.Succeed);
        await _app.PublishAsync(envelope);
        await WaitForDeadLetterAsync(envelope.Id);
        var id = $"{_connector}:{envelope.Id}";

        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            _app.Admin().PostAsync($"/api/admin/dead-letters/{id}/replay", JsonContent($$"""{"by":"support-{{i}}"}"""))));

        Assert.All(replays, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await Eventually.TrueAsync(() => _app.Handler.AppliedCount(envelope.Id) == 1, "the replayed event to be applied");
        await Eventually.TrueAsync(() => _app.Handler.CallsFor(envelope.Id) >= 2, "the replays to be delivered");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _app.Handler.AppliedCount(envelope.Id));

        var full = await _app.GetJsonAsync($"/api/admin/dead-letters/{id}");
        Assert.Equal("replayed", full.GetProperty("deadLetter").GetProperty("state").GetString());
        Assert.Equal(3, full.GetProperty("deadLetter").GetProperty("replayCount").GetInt32());
        var history = full.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.Equal("replayed", h.GetProperty("action").GetString()));
        Assert.Equal(["support-0", "support-1", "support-2"], history.Select(h => h.GetProperty("actor").GetString()).Order().ToList());
    }

    [Fact]
    public async Task SameEventPublishedTwice_IsAppliedOnce()
    {
        var envelope = LocalFunctionApp.Event(_connector);

        await _app.PublishAsync(envelope);
        await Eventually.TrueAsync(() => _app.Handler.AppliedCount(envelope.Id) == 1, "the first copy to be applied");
        await _app.PublishAsync(envelope);
        await Eventually.TrueAsync(() => _app.Handler.CallsFor(envelope.Id) >= 1, "the second copy to be delivered");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _app.Handler.AppliedCount(envelope.Id));
    }

    [Fact]
    public async Task LargeEvent_BeyondAStorageQueueMessage_IsAppliedIntact()
    {
        var big = new string('x', 200 * 1024);
        var envelope = LocalFunctionApp.Event(_connector, payload: new { member = "mem_42", notes = big });
        _app.Handler.Script(envelope.Id, Step.FailPermanently);

        await _app.PublishAsync(envelope);

        await WaitForDeadLetterAsync(envelope.Id);
        var full = await _app.GetJsonAsync($"/api/admin/dead-letters/{_connector}:{envelope.Id}");
        Assert.Equal(big, full.GetProperty("envelope").GetProperty("payload").GetProperty("notes").GetString());
    }

    private async Task<JsonElement> WaitForDeadLetterAsync(string eventId)
    {
        var page = await Eventually.GetAsync(
            () => _app.GetJsonAsync($"/api/admin/dead-letters?connectorId={_connector}"),
            p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("eventId").GetString() == eventId),
            $"a dead letter for {eventId}");
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("eventId").GetString() == eventId);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public void Dispose() => _app.Dispose();
}
