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
/// row; repeated rounds within the cache time cost nothing; accounting touches only the member's own rows (and the
/// NAS index) by point operations, an Interim-Update writes nothing until the flush, which is one conditional write;
/// a closed session leaves the NAS index at the flush, in one transaction for its NAS.
/// Connectors and access groups come from caches the first request (before the count) filled.
/// </summary>
public sealed class RadiusStorageOperationsTests : IAsyncLifetime
{
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
        Assert.All(start.Where(o => o.IsWrite), o => Assert.Contains(o.Target, new[] { TableNames.Usage, TableNames.NasSessions }));
        Assert.Contains(start, o => o.Target == TableNames.Usage && o.IsWrite);

        _log.Clear();
        for (var seconds = 300; seconds <= 900; seconds += 300)
            await ReportAsync("Interim-Update", username, seconds);
        var interims = _log.Step();
        Assert.All(interims, AssertPointOperation);
        Assert.DoesNotContain(interims, o => o.IsWrite);

        _log.Clear();
        Assert.Equal(1, await _world.App.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None));
        var flush = Assert.Single(_log.Step());
        Assert.Equal((TableNames.Usage, StorageOperationKind.ConditionalUpdate, username), (flush.Target, flush.Kind, flush.Partition));

        _log.Clear();
        await ReportAsync("Stop", username, 1200);
        var stop = _log.Step();
        Assert.All(stop, AssertPointOperation);
        var stopWrite = Assert.Single(stop, o => o.IsWrite);
        Assert.Equal((TableNames.Usage, StorageOperationKind.ConditionalUpdate, username), (stopWrite.Target, stopWrite.Kind, stopWrite.Partition));
    }

    [Fact]
    public async Task ClosedSessions_LeaveTheNasIndexBehind_InOneTransactionForTheirNasAtTheFlush()
    {
        var members = new List<string>();
        foreach (var plan in new[] { "Flex", "Full-time", "Dedicated" })
            members.Add((await _world.MemberAsync(plan)).Username);
        foreach (var username in members)
            Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);
        var before = await OpenInIndexAsync("mitte-ap-1");
        foreach (var username in members)
            await ReportAsync("Start", username, 0, "index-" + username);
        Assert.Equal(before + members.Count, await OpenInIndexAsync("mitte-ap-1"));

        _log.Clear();
        foreach (var username in members)
            await ReportAsync("Stop", username, 600, "index-" + username);
        Assert.DoesNotContain(_log.Step(), o => o.Target == TableNames.NasSessions);
        Assert.Equal(before + members.Count, await OpenInIndexAsync("mitte-ap-1"));

        _log.Clear();
        await _world.App.Services.GetRequiredService<UsageLedger>().FlushAsync(CancellationToken.None);
        var flush = _log.Step();
        Assert.Equal(StorageOperationKind.Batch, Assert.Single(flush).Kind);
        Assert.Equal(before, await OpenInIndexAsync("mitte-ap-1"));
    }

    private async Task<int> OpenInIndexAsync(string nas)
    {
        var open = 0;
        await foreach (var _ in _world.App.Services.GetRequiredService<UsageStore>().OpenSessionsOfAsync(nas, CancellationToken.None))
            open++;
        return open;
    }

    private async Task ReportAsync(string status, string username, long seconds, string sessionId = "session-1") =>
        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync(status, username, sessionId, seconds)).StatusCode);

    private static void AssertPointOperation(StorageOperation operation) =>
        Assert.True(operation.Kind is StorageOperationKind.PointRead or StorageOperationKind.Insert or StorageOperationKind.ConditionalUpdate
                or StorageOperationKind.Upsert or StorageOperationKind.Delete,
            $"{operation} ({operation.Request}) is not a point operation");
}
