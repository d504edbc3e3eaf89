using System.Net;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.Events;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Coworks;

/// <summary>The Coworks webhook when the queue cannot take the event: 503, nothing recorded as accepted, so Coworks' retry is accepted.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CoworksWebhookOutageTests : IAsyncLifetime
{
    private readonly CoworksWorld _world;
    private OutagePublisher? _queue;

    public CoworksWebhookOutageTests(AzuriteFixture azurite) => _world = new CoworksWorld(azurite, services =>
        services.AddSingleton<IEventPublisher>(provider => _queue = new OutagePublisher(provider.GetRequiredService<RecordingPublisher>())));

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _ = _world.App.Publisher; // creates the outage publisher the webhook will use
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    private int Enqueued => _world.App.Published.Count(e => e.Type == CoworksWebhookEventHandler.Type && e.ConnectorId == _world.ConnectorId);

    [Fact]
    public async Task TheQueueDown_Is503_AndTheSameDeliveryIsAcceptedOnceTheQueueIsBack()
    {
        var member = SimulatedMember.Active("mem_outage", "pln_flex", "Flex");
        _world.Space.AddMembers(member);
        var webhook = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);
        _queue!.Down = true;

        var down = await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(0, Enqueued);
        _queue.Down = false;
        var retried = await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(1, Enqueued);
    }
}
