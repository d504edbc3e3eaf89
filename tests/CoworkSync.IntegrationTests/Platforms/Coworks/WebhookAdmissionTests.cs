using System.Net;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Coworks;

/// <summary>
/// Whether a webhook's event id was accepted before, answered from memory: the instance that accepted an id remembers
/// it; a delivery of an id this instance does not remember (another instance's, or one from before a restart) is
/// accepted again and applied once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookAdmissionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CoworksWorld _world = new(azurite);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task DeliveriesOfOneEventAtTheSameMoment_EnqueueItOnce_AndTheOthersAreAnsweredAlreadyAccepted()
    {
        var member = Member();
        var webhook = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            (await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId))).StatusCode));

        Assert.Single(answers, HttpStatusCode.Accepted);
        Assert.Equal(7, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Single(_world.App.Published, e => e.Id == webhook.EventId);
    }

    [Fact]
    public async Task AnEventAcceptedByAnotherInstance_IsAcceptedAgain_AndAppliedOnce()
    {
        var logs = new LogCollector();
        var other = _world.StartAnotherInstance(logs.AddTo);
        var member = Member();
        var webhook = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId))).StatusCode);
        await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");

        var again = await other.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Single(other.Published, e => e.Id == webhook.EventId);
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains($"Event {webhook.EventId} for connector {_world.ConnectorId} was already applied", StringComparison.Ordinal)),
            "the second delivery found the event applied");
    }

    private SimulatedMember Member()
    {
        var member = SimulatedMember.Active("mem_adm_" + Guid.NewGuid().ToString("N")[..8]);
        _world.Space.AddMembers(member);
        return member;
    }
}
