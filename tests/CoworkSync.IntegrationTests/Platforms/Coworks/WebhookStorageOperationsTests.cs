using System.Net;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Platforms.Coworks;

/// <summary>
/// What a webhook costs in storage, counted on the app's own table and queue clients: intake is one enqueue (connector
/// and secret from memory, a recent event's id answered from memory), every operation between intake and applied is a
/// point operation or bounded to one partition, and a member whose state does not change writes nothing besides the
/// event's own bookkeeping (its queue message, its processed-event claim and mark) — except,
/// for a newer version of the same state, the member row's version (docs/decisions.md says why).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookStorageOperationsTests : IAsyncLifetime
{
    private readonly StorageOperationLog _log = new();
    private readonly CoworksWorld _world;

    public WebhookStorageOperationsTests(AzuriteFixture azurite) => _world = new CoworksWorld(azurite, _log.AddTo);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ARepeatOfAnUnchangedMembersState_IsOneEnqueueAtIntake_AndWritesNothingButTheEventsBookkeeping()
    {
        var (member, firstAt) = await ProvisionedMemberAsync();

        // Another event carrying exactly the stored state (version included), as a platform's duplicate notification does.
        var (intake, applying) = await DeliverAsync(member, firstAt);

        AssertIntakeIsOneEnqueue(intake);
        Assert.All(applying, AssertBounded);
        Assert.DoesNotContain(applying, o => o.IsWrite && !IsEventBookkeeping(o));
    }

    [Fact]
    public async Task ANewerVersionOfAnUnchangedMembersState_WritesOnlyTheMemberRowsVersion_AndNeverTheAccount()
    {
        var (member, firstAt) = await ProvisionedMemberAsync();

        var (intake, applying) = await DeliverAsync(member, firstAt.AddMinutes(1));

        AssertIntakeIsOneEnqueue(intake);
        Assert.All(applying, AssertBounded);
        var write = Assert.Single(applying, o => o.IsWrite && !IsEventBookkeeping(o));
        Assert.Equal((TableNames.Members, StorageOperationKind.ConditionalUpdate, _world.ConnectorId), (write.Target, write.Kind, write.Partition));
        Assert.DoesNotContain(applying, o => o.Target == TableNames.Accounts && o.IsWrite);
    }

    [Fact]
    public async Task ANewMembersWebhook_CostsOnePointOperationOrTransactionForEachThingItStores_FromIntakeToTheWelcomeEmailSent()
    {
        await ProvisionedMemberAsync(); // this young instance's tables created and connector read, as on an instance that has run a while
        _log.Clear();
        var member = SimulatedMember.Active("mem_ops_" + Guid.NewGuid().ToString("N")[..8]);
        _world.Space.AddMembers(member);
        var created = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);

        Assert.Equal(HttpStatusCode.Accepted, (await _world.App.CreateClient().SendAsync(created.ToRequest(_world.ConnectorId))).StatusCode);
        // The member's event, then the welcome email's event it queued: both processed and their messages deleted.
        await Eventually.TrueAsync(() => _log.All.Count(o => o.Kind == StorageOperationKind.QueueDelete) == 2, "both events processed");

        var operations = _log.Step().Where(o => !IsBackgroundWork(o)).ToList();
        Assert.All(operations, AssertBounded);
        var counted = operations.GroupBy(o => $"{Name(o.Target)} {o.Kind}").ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<string, int>
        {
            ["queue QueueSend"] = 2, // the member's event at intake, the welcome email's event
            ["queue QueueDelete"] = 2,
            [$"{TableNames.ProcessedEvents} Insert"] = 2, // each event's claim
            [$"{TableNames.ProcessedEvents} Update"] = 2, // each event marked applied, over its claim
            [$"{TableNames.Members} PointRead"] = 2, // the reconcile's; the welcome email's address and name
            [$"{TableNames.Accounts} Insert"] = 1, // the user name claimed
            [$"{TableNames.MemberEmails} Upsert"] = 1,
            [$"{TableNames.MemberNames} Batch"] = 1, // the name and reversed name, one partition
            [$"{TableNames.Members} Insert"] = 1,
            [$"{TableNames.MemberHistory} Insert"] = 1, // the member's first entry: an empty slot
            [$"{TableNames.Accounts} ConditionalUpdate"] = 2, // welcome email queued; welcome email sent
            [$"{TableNames.Accounts} PointRead"] = 1, // the welcome email's account and password
        };
        Assert.Equal(expected.OrderBy(e => e.Key), counted.OrderBy(e => e.Key));
    }

    /// <summary>A member created through a webhook, with every event it caused (its welcome email too) processed.</summary>
    private async Task<(SimulatedMember Member, DateTimeOffset CreatedAt)> ProvisionedMemberAsync()
    {
        var member = SimulatedMember.Active("mem_ops_" + Guid.NewGuid().ToString("N")[..8]);
        _world.Space.AddMembers(member);
        var at = DateTimeOffset.UtcNow;
        var created = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret, createdAt: at);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.App.CreateClient().SendAsync(created.ToRequest(_world.ConnectorId))).StatusCode);
        await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");
        await Eventually.TrueAsync(() => QueueIsDrained(_log.All), "every event the new member caused processed");
        return (member, at);
    }

    /// <summary>Sends a member.updated for the member and splits what followed into intake (up to its enqueue) and applying.</summary>
    private async Task<(IReadOnlyList<StorageOperation> Intake, IReadOnlyList<StorageOperation> Applying)> DeliverAsync(SimulatedMember member, DateTimeOffset createdAt)
    {
        _log.Clear();
        var webhook = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberUpdated, member, CoworksWorld.WebhookSecret, createdAt: createdAt);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId))).StatusCode);
        await Eventually.TrueAsync(() => QueueIsDrained(_log.All), "the event processed and its message deleted");
        var step = _log.Step();
        var enqueue = step.ToList().FindIndex(o => o.Kind == StorageOperationKind.QueueSend);
        Assert.True(enqueue >= 0, "intake enqueued the event: " + string.Join(", ", step));
        return (step.Take(enqueue + 1).ToList(), step.Skip(enqueue + 1).ToList());
    }

    private bool QueueIsDrained(IReadOnlyList<StorageOperation> operations)
    {
        var queue = operations.Where(o => o.Target == _world.App.QueueName).ToList();
        var sent = queue.Count(o => o.Kind == StorageOperationKind.QueueSend);
        return sent > 0 && queue.Count(o => o.Kind == StorageOperationKind.QueueDelete) == sent;
    }

    private void AssertIntakeIsOneEnqueue(IReadOnlyList<StorageOperation> intake)
    {
        var enqueue = Assert.Single(intake, o => o.IsWrite);
        Assert.Equal((_world.App.QueueName, StorageOperationKind.QueueSend), (enqueue.Target, enqueue.Kind));
        // Connector, secret and the recent event id come from this instance's memory.
        Assert.DoesNotContain(intake, o => o.Kind is StorageOperationKind.PointRead or StorageOperationKind.PartitionQuery or StorageOperationKind.Scan);
    }

    // The event's own: its message (deleted once applied), its claim and mark, and the hourly event counters, which a
    // background flush writes every 30 s whenever that falls inside the step. Also left aside: a table created on its
    // first use by this young instance's background work (the counters' flush, a timer), once in the instance's life,
    // not per event.
    private bool IsEventBookkeeping(StorageOperation operation) =>
        operation.Target == TableNames.ProcessedEvents
        || (operation.Target == _world.App.QueueName && operation.Kind == StorageOperationKind.QueueDelete)
        || operation.Target == TableNames.EventCounts
        || operation.Kind == StorageOperationKind.Create;

    // Not the member's: the hourly counters' flush, the connector read again when this instance's copy is 30 s old.
    private static bool IsBackgroundWork(StorageOperation operation) =>
        operation.Target is TableNames.EventCounts or TableNames.Connectors or "Tables";

    private string Name(string target) => target == _world.App.QueueName ? "queue" : target;

    private static void AssertBounded(StorageOperation operation) =>
        Assert.True(operation.IsBounded, $"{operation} ({operation.Request}) is neither a point operation nor bounded to one partition");
}
