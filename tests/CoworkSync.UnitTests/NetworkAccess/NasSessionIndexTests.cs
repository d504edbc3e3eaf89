using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using CoworkSync.NetworkAccess;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;
using Moq;

namespace CoworkSync.UnitTests.NetworkAccess;

/// <summary>
/// The NAS index written behind: changes wait for the flush and go in one transaction per NAS, a session opened and
/// closed in between costs nothing, a failed write keeps its changes, and the readers see what is not written yet.
/// </summary>
public sealed class NasSessionIndexTests
{
    private readonly List<(string Nas, List<TableTransactionAction> Actions)> _transactions = [];
    private readonly List<TableEntity> _stored = [];
    private readonly List<string> _reads = [];
    private readonly EventLogger _logger = new();
    private readonly NasSessionIndex _index;
    private int _failuresLeft;

    public NasSessionIndexTests()
    {
        var client = new Mock<TableClient>(MockBehavior.Strict);
        client.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(new TableItem(TableNames.NasSessions), Mock.Of<Response>()));
        client.Setup(c => c.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<TableTransactionAction> actions, CancellationToken _) =>
            {
                if (_failuresLeft-- > 0)
                    throw new RequestFailedException(503, "Storage unavailable");
                var list = actions.ToList();
                _transactions.Add((Assert.Single(list.Select(a => a.Entity.PartitionKey).Distinct()), list));
                return Response.FromValue<IReadOnlyList<Response>>([], Mock.Of<Response>());
            });
        client.Setup(c => c.QueryAsync<TableEntity>(It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string filter, int? _, IEnumerable<string> _, CancellationToken _) =>
            {
                _reads.Add("query");
                var rows = _stored.Where(e => filter == $"PartitionKey eq '{e.PartitionKey}'").ToList();
                return AsyncPageable<TableEntity>.FromPages([Page<TableEntity>.FromValues(rows, null, Mock.Of<Response>())]);
            });
        client.Setup(c => c.GetEntityIfExistsAsync<TableEntity>(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string partition, string row, IEnumerable<string> _, CancellationToken _) =>
            {
                _reads.Add("point");
                if (_stored.FirstOrDefault(e => e.PartitionKey == partition && e.RowKey == row) is { } found)
                    return Response.FromValue(found, Mock.Of<Response>());
                var none = new Mock<NullableResponse<TableEntity>>();
                none.SetupGet(r => r.HasValue).Returns(false);
                return none.Object;
            });
        var service = new Mock<TableServiceClient>(MockBehavior.Strict);
        service.Setup(s => s.GetTableClient(TableNames.NasSessions)).Returns(client.Object);
        _index = new NasSessionIndex(new UsageStore(new StateTables(service.Object)), _logger);
    }

    [Fact]
    public async Task AStartAndItsStopWithinOneFlush_CostTheIndexNoOperation()
    {
        _index.Opened("ap-1", "s1", "ada", "2026-12-01", mayBeIndexed: false);
        _index.Closed("ap-1", "s1");

        await _index.FlushAsync(CancellationToken.None);

        Assert.Empty(_transactions);
        Assert.Equal(0, _index.PendingChanges);
    }

    [Fact]
    public async Task AStartAlone_WritesNothingUntilTheFlush_ThenOneUpsertPointingAtItsRow()
    {
        _index.Opened("ap-1", "s1", "ada", "2026-12-01", mayBeIndexed: false);
        Assert.Empty(_transactions);

        await _index.FlushAsync(CancellationToken.None);

        var (nas, actions) = Assert.Single(_transactions);
        var upsert = Assert.Single(actions);
        Assert.Equal(("ap-1", TableTransactionActionType.UpsertReplace, "s1"), (nas, upsert.ActionType, upsert.Entity.RowKey));
        var entry = Assert.IsType<TableEntity>(upsert.Entity);
        Assert.Equal(("ada", "2026-12-01"), (entry.GetString("Username"), entry.GetString("CycleKey")));
        Assert.Equal(0, _index.PendingChanges);
        await _index.FlushAsync(CancellationToken.None);
        Assert.Single(_transactions);
    }

    [Fact]
    public async Task AStopAfterItsStartWasWritten_RemovesTheEntryAtTheNextFlush_WithTheNasOtherChangesInOneTransaction()
    {
        _index.Opened("ap-1", "s1", "ada", "2026-12-01", mayBeIndexed: false);
        await _index.FlushAsync(CancellationToken.None);
        _transactions.Clear();

        _index.Closed("ap-1", "s1");
        _index.Opened("ap-1", "s2", "bo", "2026-12-01", mayBeIndexed: false);
        _index.Opened("ap-2", "s3", "cy", "2026-12-01", mayBeIndexed: false);
        await _index.FlushAsync(CancellationToken.None);

        Assert.Equal(2, _transactions.Count);
        var apOne = _transactions.Single(t => t.Nas == "ap-1").Actions;
        Assert.Equal(
            new[] { ("s1", TableTransactionActionType.Delete), ("s2", TableTransactionActionType.UpsertReplace) },
            apOne.Select(a => (a.Entity.RowKey, a.ActionType)).OrderBy(a => a.RowKey, StringComparer.Ordinal));
        Assert.Equal(TableTransactionActionType.UpsertReplace, Assert.Single(_transactions.Single(t => t.Nas == "ap-2").Actions).ActionType);
    }

    [Fact]
    public async Task ASessionGoneOnFromAnotherRow_ClosedBeforeTheFlush_StillRemovesTheEntryItMayHave()
    {
        _index.Opened("ap-1", "s1", "ada", "2026-12-01", mayBeIndexed: true);
        _index.Closed("ap-1", "s1");

        await _index.FlushAsync(CancellationToken.None);

        var delete = Assert.Single(Assert.Single(_transactions).Actions);
        Assert.Equal((TableTransactionActionType.Delete, "s1"), (delete.ActionType, delete.Entity.RowKey));
    }

    [Fact]
    public async Task AFailedWrite_KeepsTheChanges_LogsNasIndexWriteFailed_AndTheNextFlushWritesThem()
    {
        _index.Opened("ap-1", "s1", "ada", "2026-12-01", mayBeIndexed: false);
        _failuresLeft = 1;

        await _index.FlushAsync(CancellationToken.None);

        Assert.Empty(_transactions);
        Assert.Equal(1, _index.PendingChanges);
        var logged = Assert.Single(_logger.Events);
        Assert.Equal((1323, "NasIndexWriteFailed", LogLevel.Warning), (logged.Id.Id, logged.Id.Name, logged.Level));

        // The failed write may have landed all the same: the session's Stop now removes the entry.
        _index.Closed("ap-1", "s1");
        await _index.FlushAsync(CancellationToken.None);

        var delete = Assert.Single(Assert.Single(_transactions).Actions);
        Assert.Equal((TableTransactionActionType.Delete, "s1"), (delete.ActionType, delete.Entity.RowKey));
        Assert.Equal(0, _index.PendingChanges);
    }

    [Fact]
    public async Task ANasSessions_AreTheStoredEntries_WithThisInstancesChangesNotYetWrittenOnTop()
    {
        _stored.Add(Entry("ap-1", "stored-open", "ada", "2026-12-01"));
        _stored.Add(Entry("ap-1", "stored-closed-here", "bo", "2026-12-01"));
        _stored.Add(Entry("ap-2", "other-nas", "cy", "2026-12-01"));
        _index.Closed("ap-1", "stored-closed-here");
        _index.Opened("ap-1", "opened-here", "dee", "2026-12-01", mayBeIndexed: false);
        _index.Opened("ap-1", "opened-and-closed-here", "eve", "2026-12-01", mayBeIndexed: false);
        _index.Closed("ap-1", "opened-and-closed-here");
        _index.Opened("ap-2", "opened-on-another-nas", "fay", "2026-12-01", mayBeIndexed: false);

        var open = new List<(string, string, string)>();
        await foreach (var session in _index.OpenSessionsOfAsync("ap-1", CancellationToken.None))
            open.Add(session);

        Assert.Equal(
            new[] { ("opened-here", "dee", "2026-12-01"), ("stored-open", "ada", "2026-12-01") },
            open.OrderBy(s => s.Item1, StringComparer.Ordinal));
        Assert.Empty(_transactions);
    }

    [Fact]
    public async Task TheCycleASessionIsIndexedIn_ComesFromThisInstancesChangesWithoutARead_ElseFromTheIndex()
    {
        _stored.Add(Entry("ap-1", "stored", "ada", "2026-11-01"));
        _index.Opened("ap-1", "opened-here", "bo", "2026-12-01", mayBeIndexed: false);
        _index.Opened("ap-1", "closed-here", "cy", "2026-11-01", mayBeIndexed: false);
        _index.Closed("ap-1", "closed-here");

        Assert.Equal("2026-12-01", await _index.OpenCycleOfAsync("ap-1", "opened-here", CancellationToken.None));
        Assert.Equal("2026-11-01", await _index.OpenCycleOfAsync("ap-1", "closed-here", CancellationToken.None));
        Assert.Empty(_reads);
        Assert.Equal("2026-11-01", await _index.OpenCycleOfAsync("ap-1", "stored", CancellationToken.None));
        Assert.Null(await _index.OpenCycleOfAsync("ap-1", "unknown", CancellationToken.None));
        Assert.Equal(new[] { "point", "point" }, _reads);
    }

    private static TableEntity Entry(string nas, string sessionId, string username, string cycleKey) =>
        new(nas, sessionId) { ["Username"] = username, ["CycleKey"] = cycleKey };

    /// <summary>Keeps each event's id and level.</summary>
    private sealed class EventLogger : ILogger<NasSessionIndex>
    {
        public List<(EventId Id, LogLevel Level)> Events { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Events)
                Events.Add((eventId, logLevel));
        }
    }
}
