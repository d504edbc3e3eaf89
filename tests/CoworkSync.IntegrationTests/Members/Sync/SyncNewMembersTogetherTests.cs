using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.History;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Members.Sync;

/// <summary>
/// A sync's new members are created together (<see cref="MemberCreator"/>), against real Azurite with every storage
/// operation counted: their member rows, name entries and history entries go in one-partition transactions, and each member ends exactly
/// as a member created by a webhook (one member at a time) ends; a member a webhook created inside a batch, and an
/// account a crash left without its row, lose nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncNewMembersTogetherTests : IAsyncLifetime
{
    private readonly StorageOperationLog _storage = new();
    private readonly CoworksWorld _world;

    public SyncNewMembersTogetherTests(AzuriteFixture azurite) => _world = new CoworksWorld(azurite, _storage.AddTo);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    private T Service<T>() where T : notnull => _world.App.Services.GetRequiredService<T>();

    [Fact]
    public async Task AFirstSyncOf250NewMembers_WritesTheirRowsNameAndHistoryEntriesInTransactions_AndLeavesEachAsAWebhookDoes()
    {
        var byWebhook = await CreatedByWebhookAsync(NewMember("hook"));
        var expected = await ShapeAsync(byWebhook.Id);
        var members = Enumerable.Range(0, 250).Select(i => NewMember($"new{i:D3}")).ToList();
        _world.Space.AddMembers(members);
        _storage.Clear();

        var run = await _world.SyncAsync(TimeSpan.FromSeconds(120));

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(250, run.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal(251, run.GetProperty("counts").GetProperty("seen").GetInt32());
        Assert.Equal(0, run.GetProperty("counts").GetProperty("failed").GetInt32());
        var operations = _storage.Step();
        var memberWrites = operations.Where(o => o.Target == TableNames.Members && o.IsWrite).ToList();
        Assert.Equal(3, memberWrites.Count); // ceil(250 / 100) transactions, and no single insert
        Assert.All(memberWrites, o => Assert.Equal((StorageOperationKind.Batch, _world.ConnectorId), (o.Kind, o.Partition)));
        var nameWrites = operations.Where(o => o.Target == TableNames.MemberNames && o.IsWrite).ToList();
        Assert.Equal(5, nameWrites.Count); // two entries a member: 200 for each full batch of members (two transactions), 100 for the last 50
        Assert.All(nameWrites, o => Assert.Equal((StorageOperationKind.Batch, _world.ConnectorId), (o.Kind, o.Partition)));
        var historyWrites = operations.Where(o => o.Target == TableNames.MemberHistory && o.IsWrite).ToList();
        Assert.Equal(3, historyWrites.Count); // one entry a member, one transaction for each batch of members
        Assert.All(historyWrites, o => Assert.Equal((StorageOperationKind.Batch, _world.ConnectorId), (o.Kind, o.Partition)));
        Assert.Equal(250, operations.Count(o => o.Target == TableNames.Accounts && o.Kind == StorageOperationKind.Insert));
        // What is left one by one: each member's account (above) and email entry, in partitions of their own.
        Assert.Equal(250, operations.Count(o => o.Target == TableNames.MemberEmails && o.IsWrite));

        Assert.Equal(1, expected.HistoryEntries);
        foreach (var member in members)
            Assert.Equal(expected, await ShapeAsync(member.Id));
    }

    [Fact]
    public async Task AMemberAWebhookCreatedAfterTheSyncReadTheRows_FailsItsBatchsTransaction_AndEveryMemberOfTheBatchIsReconciledAlone()
    {
        var byWebhook = await CreatedByWebhookAsync(NewMember("hook"));
        var hookRow = (await Service<MemberStore>().GetAsync(_world.ConnectorId, byWebhook.Id, CancellationToken.None))!;
        var hookAccount = (await Service<AccountStore>().GetAsync(hookRow.Username!, CancellationToken.None))!;
        var connector = (await Service<ConnectorStore>().GetAsync(_world.ConnectorId, CancellationToken.None))!;
        var others = new[] { "before", "after" }.Select(name => hookRow.Platform with { MemberId = $"mem_{name}_{Unique()}", Email = $"{name}.{Unique()}@example.com" }).ToList();
        // As a sync that read the connector's rows before the webhook's member was stored: none of the three has one.
        var requests = new[] { others[0], hookRow.Platform, others[1] }
            .Select(m => new ReconcileRequest(_world.ConnectorId, m, connector.Settings, connector.PlanMappings, SyncRunId: "run_batch", StoredMember: new StoredMember(null)))
            .ToList();
        _storage.Clear();

        var created = await Service<MemberCreator>().CreateAsync(requests, 8, CancellationToken.None);

        Assert.All(created, c => Assert.Null(c.Error));
        Assert.Equal([ReconcileOutcome.Created, ReconcileOutcome.Unchanged, ReconcileOutcome.Created], created.Select(c => c.Result!.Outcome));
        var memberWrites = _storage.Step().Where(o => o.Target == TableNames.Members && o.IsWrite).ToList();
        Assert.Equal(StorageOperationKind.Batch, memberWrites[0].Kind);
        Assert.Equal(2, memberWrites.Count(o => o.Kind == StorageOperationKind.Insert)); // the two others' rows, one by one
        var hookAfter = await Service<AccountStore>().GetAsync(hookAccount.Username, CancellationToken.None);
        Assert.Equal(hookAccount.ProtectedPassword, hookAfter!.ProtectedPassword);
        Assert.Equal(1, (await ShapeAsync(byWebhook.Id)).HistoryEntries);
        foreach (var other in others)
        {
            var shape = await ShapeAsync(other.MemberId);
            Assert.Equal((1, true, true, 2, true), (shape.Accounts, shape.AccountEnabled, shape.EmailEntry, shape.NameEntries, shape.Indexed));
            // Reconciled alone after the batch failed, the member adopts the account the batch created for them.
            Assert.Equal(1, shape.HistoryEntries);
        }
    }

    [Fact]
    public async Task AnAccountACrashLeftWithoutItsRow_IsTheMembersAfterTheNextSync_WithItsRowIndexEntriesAndOneHistoryEntry()
    {
        var member = NewMember("crash");
        _world.Space.AddMembers(member);
        var connector = (await Service<ConnectorStore>().GetAsync(_world.ConnectorId, CancellationToken.None))!;
        var platform = new CoworkSync.Connectors.Seam.PlatformMember
        {
            MemberId = member.Id,
            FirstName = member.FirstName,
            LastName = member.LastName,
            Email = member.Email,
            Status = CoworkSync.Connectors.Seam.MemberStatus.Active,
            MembershipStatus = CoworkSync.Connectors.Seam.MembershipStatus.Active,
            PlanId = "pln_flex",
            PlanName = "Flex",
            LocationId = member.LocationId,
            UpdatedAt = member.UpdatedAt,
        };
        // What the creation path writes before the rows, then a crash: the account, and nothing else.
        var plan = await Service<MemberReconciler>().PlanNewMemberAsync(
            new ReconcileRequest(_world.ConnectorId, platform, connector.Settings, connector.PlanMappings, SyncRunId: "run_crashed", StoredMember: new StoredMember(null)), CancellationToken.None);
        Assert.Equal(ReconcileOutcome.Created, plan.Outcome);
        Assert.Null(await Service<MemberStore>().GetAsync(_world.ConnectorId, member.Id, CancellationToken.None));

        var run = await _world.SyncAsync(TimeSpan.FromSeconds(120));

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(0, run.GetProperty("counts").GetProperty("failed").GetInt32());
        var shape = await ShapeAsync(member.Id);
        Assert.Equal((1, true, true, 2, true, 1), (shape.Accounts, shape.AccountEnabled, shape.EmailEntry, shape.NameEntries, shape.Indexed, shape.HistoryEntries));
        Assert.True(shape.WelcomeEmailQueued);
        var account = await Service<AccountStore>().GetAsync(member.Email!, CancellationToken.None);
        Assert.Equal(plan.Account!.ProtectedPassword, account!.ProtectedPassword);
        await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task NameEntriesAStoppedRunLeftBehind_AreReplaced_AndTheBatchStillGoesInTransactions()
    {
        var byWebhook = await CreatedByWebhookAsync(NewMember("hook"));
        var expected = await ShapeAsync(byWebhook.Id);
        var members = Enumerable.Range(0, 3).Select(i => NewMember($"left{i}")).ToList();
        _world.Space.AddMembers(members);
        // A run that stopped after the index entries and before the rows left one member's name entries.
        var leftBehind = MemberIndexKeys.For(new CoworkSync.Connectors.Seam.PlatformMember
        {
            MemberId = members[1].Id, FirstName = members[1].FirstName, LastName = members[1].LastName, Email = members[1].Email,
            Status = CoworkSync.Connectors.Seam.MemberStatus.Active, UpdatedAt = members[1].UpdatedAt,
        });
        var names = await Service<StateTables>().GetAsync(TableNames.MemberNames, CancellationToken.None);
        foreach (var (name, reversed) in leftBehind.NameEntries())
            await names.AddEntityAsync(MemberIndexEntities.Name(_world.ConnectorId, name, reversed, members[1].Id));
        _storage.Clear();

        var run = await _world.SyncAsync(TimeSpan.FromSeconds(120));

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(3, run.GetProperty("counts").GetProperty("created").GetInt32());
        var operations = _storage.Step();
        // The names' transaction of inserts refused, then the same one as upserts; the rows' transaction stored all three.
        Assert.Equal(2, operations.Count(o => o.Target == TableNames.MemberNames && o.Kind == StorageOperationKind.Batch));
        Assert.Equal(StorageOperationKind.Batch, Assert.Single(operations, o => o.Target == TableNames.Members && o.IsWrite).Kind);
        foreach (var member in members)
            Assert.Equal(expected, await ShapeAsync(member.Id));
    }

    /// <summary>Everything a member's creation leaves in storage, without what names the member or the path (ids, times, event or run).</summary>
    private sealed record MemberShape(
        int Accounts, bool AccountEnabled, string Groups, string? DisabledReason, string? LocationId, DateOnly? BillingCycleAnchor, bool WelcomeEmailQueued,
        bool UsernameIsEmail, string? Reason, bool Flagged, bool Gone, string? UsernameNote, long HistoryCount, bool Indexed,
        bool EmailEntry, int NameEntries, int HistoryEntries, string History);

    private async Task<MemberShape> ShapeAsync(string memberId)
    {
        var row = await Service<MemberStore>().GetAsync(_world.ConnectorId, memberId, CancellationToken.None);
        Assert.NotNull(row);
        var email = row.Platform.Email!;
        var accounts = new List<WifiAccount>();
        foreach (var candidate in UsernamePolicy.Candidates(_world.ConnectorId, email, memberId))
        {
            if (await Service<AccountStore>().GetAsync(candidate, CancellationToken.None) is { } found && found.BelongsTo(_world.ConnectorId, memberId))
                accounts.Add(found);
        }
        var account = accounts.Single(a => a.Username == row.Username);
        var tables = Service<StateTables>();
        var (emailPartition, emailRow) = MemberIndexEntities.EmailKeys(row.Indexed!.Email!, _world.ConnectorId, memberId);
        var emailEntry = await (await tables.GetAsync(TableNames.MemberEmails, CancellationToken.None)).GetEntityIfExistsAsync<TableEntity>(emailPartition, emailRow);
        var names = await tables.GetAsync(TableNames.MemberNames, CancellationToken.None);
        var nameEntries = 0;
        foreach (var (name, _) in row.Indexed.NameEntries())
            nameEntries += (await names.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(_world.ConnectorId), MemberIndexEntities.NameRow(name, memberId))).HasValue ? 1 : 0;
        var history = await Service<MemberHistoryStore>().ListAsync(_world.ConnectorId, memberId, CancellationToken.None);
        return new MemberShape(
            accounts.Count, account.Enabled, string.Join(",", account.Groups), account.DisabledReason, account.LocationId, account.BillingCycleAnchor, account.WelcomeEmailQueuedAt is not null,
            row.Username == email, row.Reason, row.Flagged, row.Gone, row.UsernameNote, row.HistoryCount, row.Indexed == MemberIndexKeys.For(row.Platform),
            emailEntry.HasValue, nameEntries, history.Count,
            string.Join(" / ", history.Select(h => $"{h.Sequence} {h.Outcome} {h.ByOperator} {h.Summary.Replace(account.Username, "{username}", StringComparison.Ordinal)}")));
    }

    private async Task<SimulatedMember> CreatedByWebhookAsync(SimulatedMember member)
    {
        _world.Space.AddMembers(member);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, member)).StatusCode);
        await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object
            && m.GetProperty("account").GetProperty("welcomeEmailQueuedAt").ValueKind == JsonValueKind.String, "the webhook's member, account and welcome email");
        return member;
    }

    private static SimulatedMember NewMember(string name) =>
        SimulatedMember.Active($"mem_{name}_{Unique()}") with { FirstName = "Ada", LastName = "Lovelace " + name, UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-30) };

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
