using System.Net;
using System.Net.Http.Json;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.NetworkAccess;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// What a RADIUS request costs in storage, counted on the app's own table client: authorize of a member not seen
/// recently is the point reads of their account and (only for a plan with an hours or device limit) their cycle's usage
/// row; repeated rounds within the cache time cost nothing; accounting touches only the member's own rows by point
/// operations, an Interim-Update writes nothing until the flush, which is one conditional write; the NAS index is
/// written at the flush, every change of one NAS in one transaction, and not at all for a session started and stopped
/// in between; a NAS restart still closes the sessions whose entries are not written yet.
/// Connectors and access groups come from caches the first request (before the count) filled.
/// </summary>
public sealed class RadiusStorageOperationsTests : IAsyncLifetime
{
    /// <summary>The cycle of <see cref="RadiusWorld.MondayMorning"/>, where the test's clock stands.</summary>
    private const string CycleOfTheClock = "2026-11-01";

    private readonly StorageOperationLog _log = new();
    private readonly RadiusWorld _world;
    private string _warm = null!;

    public RadiusStorageOperationsTests() =>
        _world = new RadiusWorld(settings: new Dictionary<string, string?> { ["Radius:AccountingFlushSeconds"] = "300" }, services: _log.AddTo);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        // Fills the connector and group caches and creates the tables, as any earlier request on a running instance has.
        (_warm, _) = await _world.MemberAsync("Flex");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(_warm)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync("Start", _warm, "warm-session", 0)).StatusCode);
        await FlushAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AuthorizeOfAMemberNotSeenRecently_IsTwoPointReads_AndItsRepeatedRoundsWithinTheCacheTimeNone()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        _log.Clear();

        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);

        Assert.Equal(
            new[] { (TableNames.Accounts, StorageOperationKind.PointRead, (string?)username), (TableNames.Usage, StorageOperationKind.PointRead, (string?)username) },
            _log.Step().Select(o => (o.Target, o.Kind, o.Partition)).Order());

        _log.Clear();
        for (var round = 0; round < 3; round++)
            Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, device: "AA-BB-CC-00-00-01")).StatusCode);
        Assert.Empty(_log.Step());
    }

    [Fact]
    public async Task AuthorizeOnAPlanWithoutAnHoursOrDeviceLimit_ReadsTheAccountOnly()
    {
        // Every default group limits devices; this one is made to limit neither devices nor hours.
        (await _world.App.Admin().PutAsJsonAsync("/api/admin/access-groups/dedicated", new
        {
            displayName = "Dedicated",
            bandwidthDownKbps = 100_000,
            bandwidthUpKbps = 100_000,
            priority = 30,
        })).EnsureSuccessStatusCode();
        var (username, _) = await _world.MemberAsync("Dedicated");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(_warm)).StatusCode);
        _log.Clear();

        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);

        var read = Assert.Single(_log.Step());
        Assert.Equal((TableNames.Accounts, StorageOperationKind.PointRead, username), (read.Target, read.Kind, read.Partition));
    }

    [Fact]
    public async Task Accounting_IsPointOperationsOnTheMembersOwnRows_AndInterimsWriteNothingUntilOneWriteAtTheFlush()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);

        _log.Clear();
        await ReportAsync("Start", username, 0);
        var start = _log.Step();
        Assert.All(start, AssertPointOperation);
        Assert.Equal(TableNames.Usage, Assert.Single(start, o => o.IsWrite).Target);

        _log.Clear();
        for (var seconds = 300; seconds <= 900; seconds += 300)
            await ReportAsync("Interim-Update", username, seconds);
        var interims = _log.Step();
        Assert.All(interims, AssertPointOperation);
        Assert.DoesNotContain(interims, o => o.IsWrite);

        _log.Clear();
        Assert.Equal(1, await _world.App.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None));
        // The interims' one write, and the open session's index entry.
        Assert.Equal(
            new[] { (TableNames.NasSessions, StorageOperationKind.Batch, (string?)"mitte-ap-1"), (TableNames.Usage, StorageOperationKind.ConditionalUpdate, username) },
            _log.Step().Select(o => (o.Target, o.Kind, o.Partition)).Order());

        _log.Clear();
        await ReportAsync("Stop", username, 1200);
        var stop = _log.Step();
        Assert.All(stop, AssertPointOperation);
        var stopWrite = Assert.Single(stop, o => o.IsWrite);
        Assert.Equal((TableNames.Usage, StorageOperationKind.ConditionalUpdate, username), (stopWrite.Target, stopWrite.Kind, stopWrite.Partition));
    }

    [Fact]
    public async Task TheNasIndex_IsWrittenAtTheFlush_InOneTransactionForTheNas_BothForOpenedAndForClosedSessions()
    {
        var members = await AuthorizedMembersAsync();
        var before = await OpenInIndexAsync("mitte-ap-1");

        _log.Clear();
        foreach (var username in members)
            await ReportAsync("Start", username, 0, "index-" + username);
        Assert.DoesNotContain(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(before, await OpenInIndexAsync("mitte-ap-1"));

        _log.Clear();
        await FlushAsync();
        Assert.Equal(StorageOperationKind.Batch, Assert.Single(_log.Step(), o => o.Target == TableNames.NasSessions).Kind);
        Assert.Equal(before + members.Count, await OpenInIndexAsync("mitte-ap-1"));

        _log.Clear();
        foreach (var username in members)
            await ReportAsync("Stop", username, 600, "index-" + username);
        Assert.DoesNotContain(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(before + members.Count, await OpenInIndexAsync("mitte-ap-1"));

        _log.Clear();
        await FlushAsync();
        Assert.Equal(StorageOperationKind.Batch, Assert.Single(_log.Step()).Kind);
        Assert.Equal(before, await OpenInIndexAsync("mitte-ap-1"));
    }

    [Fact]
    public async Task AStartAndItsStopWithinOneFlush_AreOneUsageWriteEach_AndCostTheNasIndexNothing()
    {
        var members = await AuthorizedMembersAsync();
        var before = await OpenInIndexAsync("mitte-ap-1");

        foreach (var username in members)
        {
            _log.Clear();
            await ReportAsync("Start", username, 0, "brief-" + username);
            await ReportAsync("Stop", username, 120, "brief-" + username);
            Assert.Equal(
                new[] { (TableNames.Usage, StorageOperationKind.Insert), (TableNames.Usage, StorageOperationKind.ConditionalUpdate) },
                _log.Step().Select(o => (o.Target, o.Kind)));
        }

        _log.Clear();
        await FlushAsync();
        Assert.DoesNotContain(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(before, await OpenInIndexAsync("mitte-ap-1"));
        var store = _world.App.Services.GetRequiredService<UsageStore>();
        foreach (var username in members)
        {
            var session = (await store.GetAsync(username, CycleOfTheClock, CancellationToken.None)).Sessions["brief-" + username];
            Assert.Equal((120L, false), (session.Seconds, session.Open));
        }
    }

    [Fact]
    public async Task AStartAndItsStopOfAMemberNotSeenRecently_ReadTheAccountAndTheRowOnce_AndWriteTheRowTwice()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        _log.Clear();

        await ReportAsync("Start", username, 0, "unseen");
        await ReportAsync("Stop", username, 60, "unseen");

        Assert.Equal(
            new[]
            {
                (TableNames.Accounts, StorageOperationKind.PointRead), (TableNames.Usage, StorageOperationKind.PointRead),
                (TableNames.Usage, StorageOperationKind.Insert), (TableNames.Usage, StorageOperationKind.ConditionalUpdate),
            },
            _log.Step().Select(o => (o.Target, o.Kind)));
        _log.Clear();
        await FlushAsync();
        Assert.Empty(_log.Step());
    }

    [Fact]
    public async Task ANasRestart_ClosesTheSessionsStartedMomentsBefore_WhoseIndexEntriesAreNotWrittenYet()
    {
        var members = await AuthorizedMembersAsync();
        foreach (var username in members)
            await ReportAsync("Start", username, 0, "restart-" + username, nas: "mitte-ap-2");
        await ReportAsync("Interim-Update", members[0], 300, "restart-" + members[0], nas: "mitte-ap-2");
        Assert.Equal(0, await OpenInIndexAsync("mitte-ap-2"));

        Assert.Equal(HttpStatusCode.NoContent, (await _world.NasAccountingAsync("Accounting-On", "mitte-ap-2")).StatusCode);

        _log.Clear();
        await FlushAsync();
        Assert.DoesNotContain(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(0, await OpenInIndexAsync("mitte-ap-2"));
        var store = _world.App.Services.GetRequiredService<UsageStore>();
        foreach (var username in members)
        {
            var session = (await store.GetAsync(username, CycleOfTheClock, CancellationToken.None)).Sessions["restart-" + username];
            Assert.False(session.Open, $"{username}'s session is still open after its NAS restarted");
            Assert.Equal(username == members[0] ? 300 : 0, session.Seconds);
        }
    }

    [Fact]
    public async Task ANasRestart_ClosesSessionsWrittenToTheIndex_AndOnesNotWrittenYet_AndTheFlushRemovesOnlyTheWrittenEntries()
    {
        var members = await AuthorizedMembersAsync();
        await ReportAsync("Start", members[0], 0, "flushed", nas: "mitte-ap-3");
        await FlushAsync();
        Assert.Equal(1, await OpenInIndexAsync("mitte-ap-3"));
        await ReportAsync("Start", members[1], 0, "pending", nas: "mitte-ap-3");

        Assert.Equal(HttpStatusCode.NoContent, (await _world.NasAccountingAsync("Accounting-Off", "mitte-ap-3")).StatusCode);

        _log.Clear();
        await FlushAsync();
        var removal = Assert.Single(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(("mitte-ap-3", StorageOperationKind.Batch), (removal.Partition, removal.Kind));
        Assert.Equal(0, await OpenInIndexAsync("mitte-ap-3"));
        var store = _world.App.Services.GetRequiredService<UsageStore>();
        Assert.False((await store.GetAsync(members[0], CycleOfTheClock, CancellationToken.None)).Sessions["flushed"].Open);
        Assert.False((await store.GetAsync(members[1], CycleOfTheClock, CancellationToken.None)).Sessions["pending"].Open);
    }

    /// <summary>Members of three plans, each authorized once (so their account and usage row are read, as before a session).</summary>
    private async Task<List<string>> AuthorizedMembersAsync()
    {
        var members = new List<string>();
        foreach (var plan in new[] { "Flex", "Full-time", "Dedicated" })
            members.Add((await _world.MemberAsync(plan)).Username);
        foreach (var username in members)
            Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);
        return members;
    }

    private Task<int> FlushAsync() => _world.App.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None);

    private async Task<int> OpenInIndexAsync(string nas)
    {
        var open = 0;
        await foreach (var _ in _world.App.Services.GetRequiredService<UsageStore>().OpenSessionsOfAsync(nas, CancellationToken.None))
            open++;
        return open;
    }

    private async Task ReportAsync(string status, string username, long seconds, string sessionId = "session-1", string nas = "mitte-ap-1") =>
        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync(status, username, sessionId, seconds, nas)).StatusCode);

    private static void AssertPointOperation(StorageOperation operation) =>
        Assert.True(operation.Kind is StorageOperationKind.PointRead or StorageOperationKind.Insert or StorageOperationKind.ConditionalUpdate
                or StorageOperationKind.Upsert or StorageOperationKind.Delete,
            $"{operation} ({operation.Request}) is not a point operation");
}
