using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Events;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Members.Sync;

/// <summary>A sync that gives many members an account queues their welcome emails together, in batches, and loses none.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncWelcomeEmailBatchTests : IAsyncLifetime
{
    private readonly CoworksWorld _world;
    private OutagePublisher? _queue;

    public SyncWelcomeEmailBatchTests(AzuriteFixture azurite) => _world = new CoworksWorld(azurite, services =>
        services.AddSingleton<IEventPublisher>(provider => _queue = new OutagePublisher(provider.GetRequiredService<RecordingPublisher>())));

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _ = _world.App.Publisher; // creates the outage publisher the sync will use
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    private RecordingPublisher Recorded => _world.App.Services.GetRequiredService<RecordingPublisher>();

    private List<EventEnvelope> WelcomeEmailsQueued => [.. Recorded.Published.Where(e => e.Type == WelcomeEmailEvent.Type && e.ConnectorId == _world.ConnectorId)];

    [Fact]
    public async Task Sync_OfNewMembers_QueuesTheirWelcomeEmailsInOneBatch_EachSentOnce()
    {
        var members = Enumerable.Range(0, 3).Select(_ => NewMember()).ToList();
        _world.Space.AddMembers(members);

        var run = await _world.SyncAsync();

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(3, run.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal([3], Recorded.BatchesOf(WelcomeEmailEvent.Type));
        Assert.Equal(members.Select(m => $"welcome:{m.Email}").Order(), WelcomeEmailsQueued.Select(e => e.Id).Order());
        foreach (var member in members)
        {
            var stored = await _world.MemberAsync(member.Id);
            Assert.Equal(JsonValueKind.String, stored.GetProperty("account").GetProperty("welcomeEmailQueuedAt").ValueKind);
            await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
        }

        var again = await _world.SyncAsync();

        Assert.Equal(3, again.GetProperty("counts").GetProperty("unchanged").GetInt32());
        Assert.Equal([3], Recorded.BatchesOf(WelcomeEmailEvent.Type));
        Assert.Equal(3, WelcomeEmailsQueued.Count);
    }

    [Fact]
    public async Task Sync_WhenTheQueueRefusesTheWelcomeEmails_CountsThoseMembersFailed_AndTheNextSyncQueuesThem()
    {
        var members = Enumerable.Range(0, 2).Select(_ => NewMember()).ToList();
        _world.Space.AddMembers(members);
        _queue!.BatchesDown = true;

        var refused = await _world.SyncAsync();

        Assert.Equal("succeeded", refused.GetProperty("state").GetString());
        Assert.Equal(2, refused.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(0, refused.GetProperty("counts").GetProperty("created").GetInt32());
        var errors = refused.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.All(members, m => Assert.Contains($"member {m.Id}: The events queue is unreachable (a test's outage).", errors));
        foreach (var member in members)
        {
            var account = (await _world.MemberAsync(member.Id)).GetProperty("account");
            Assert.True(account.GetProperty("enabled").GetBoolean());
            Assert.Equal(JsonValueKind.Null, account.GetProperty("welcomeEmailQueuedAt").ValueKind);
        }
        Assert.Empty(WelcomeEmailsQueued);

        _queue.BatchesDown = false;
        var next = await _world.SyncAsync();

        Assert.Equal(0, next.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(2, next.GetProperty("counts").GetProperty("unchanged").GetInt32());
        Assert.Equal([2], Recorded.BatchesOf(WelcomeEmailEvent.Type));
        foreach (var member in members)
            await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
    }

    private static SimulatedMember NewMember() =>
        SimulatedMember.Active("mem_" + Guid.NewGuid().ToString("N")[..12]) with { UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-30) };
}
