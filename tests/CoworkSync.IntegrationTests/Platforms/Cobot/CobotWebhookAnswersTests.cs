using System.Net;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.Events;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>The Cobot webhook's answers besides 202, 400 and 401: unknown connector, too large, queue down. Nothing is enqueued.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotWebhookAnswersTests : IAsyncLifetime
{
    private readonly CobotWorld _world;
    private OutagePublisher? _queue;

    public CobotWebhookAnswersTests(AzuriteFixture azurite) => _world = new CobotWorld(azurite, services =>
        services.AddSingleton<IEventPublisher>(provider => _queue = new OutagePublisher(provider.GetRequiredService<RecordingPublisher>())));

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
        _world.Cobot.Put(CobotWorld.Member("m-1"));
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    private int Enqueued => _world.App.Published.Count(e => e.Type == CobotWebhookEvent.Type);

    [Fact]
    public async Task AnUnknownConnector_Is404()
    {
        var token = await _world.CallbackTokenAsync();

        var response = await _world.App.CreateClient().PostAsync($"/api/webhooks/cobot/no-such-connector/{token}",
            new StringContent(_world.Cobot.WebhookBody("m-1"), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, Enqueued);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413()
    {
        var huge = $$"""{"url":"{{_world.Cobot.MembershipUrl("m-1")}}","padding":"{{new string('x', 300 * 1024)}}"}""";

        var response = await _world.WebhookAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, Enqueued);
    }

    [Fact]
    public async Task TheQueueDown_Is503_SoCobotSendsItAgain_AndItIsAcceptedOnceTheQueueIsBack()
    {
        var body = _world.Cobot.WebhookBody("m-1");
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(body)).StatusCode);
        var before = Enqueued;
        _queue!.Down = true;

        var down = await _world.WebhookAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(before, Enqueued);
        _queue.Down = false;
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(body)).StatusCode);
        Assert.Equal(before + 1, Enqueued);
    }
}
