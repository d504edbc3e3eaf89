using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;
using Moq;

namespace CoworkSync.UnitTests.Members.Lookup;

/// <summary>
/// The index entries of new members written together: names in one-partition transactions of at most 100 inserts (again
/// as upserts when one exists), emails one by one.
/// </summary>
public sealed class MemberIndexerNewMembersTests
{
    private readonly ConcurrentQueue<(string Table, List<TableTransactionAction> Actions)> _transactions = new();
    private readonly ConcurrentQueue<(string Table, TableEntity Entity, TableUpdateMode Mode)> _upserts = new();
    private readonly MemberIndexer _indexer;
    private bool _refuseInsertsWith409;

    public MemberIndexerNewMembersTests()
    {
        var service = new Mock<TableServiceClient>(MockBehavior.Strict);
        service.Setup(s => s.GetTableClient(It.IsAny<string>())).Returns((string name) => Client(name));
        _indexer = new MemberIndexer(new StateTables(service.Object));
    }

    [Fact]
    public async Task AddNew_Of150MembersWithTwoNames_WritesThreeNameTransactionsInTheConnectorsPartition_AndEachEmailAlone()
    {
        var members = Enumerable.Range(0, 150).Select(i => ($"mem_{i}", MemberIndexKeys.For(Member($"mem_{i}", "Ada", $"Lovelace{i}", $"ada{i}@example.com")))).ToList();

        await _indexer.AddNewAsync("berlin", members, 8, CancellationToken.None);

        Assert.All(_transactions, t => Assert.Equal(TableNames.MemberNames, t.Table));
        Assert.Equal([100, 100, 100], _transactions.Select(t => t.Actions.Count));
        var names = _transactions.SelectMany(t => t.Actions).ToList();
        Assert.All(names, a => Assert.Equal((TableTransactionActionType.Add, "berlin"), (a.ActionType, a.Entity.PartitionKey)));
        var expectedNames = members.SelectMany(m => m.Item2.NameEntries().Select(n => MemberIndexEntities.NameRow(n.Name, m.Item1)));
        Assert.Equal(expectedNames.Order(StringComparer.Ordinal), names.Select(a => a.Entity.RowKey).Order(StringComparer.Ordinal));

        Assert.All(_upserts, u => Assert.Equal((TableNames.MemberEmails, TableUpdateMode.Replace), (u.Table, u.Mode)));
        Assert.Equal(
            members.Select(m => MemberIndexEntities.EmailKeys(m.Item2.Email!, "berlin", m.Item1)).Order(),
            _upserts.Select(u => (u.Entity.PartitionKey, u.Entity.RowKey)).Order());
    }

    [Fact]
    public async Task AddNew_WhenANameEntryExistsAlready_SubmitsTheSameTransactionAgainAsUpserts()
    {
        _refuseInsertsWith409 = true;
        var members = Enumerable.Range(0, 3).Select(i => ($"mem_{i}", MemberIndexKeys.For(Member($"mem_{i}", "Ada", $"Lovelace{i}", null)))).ToList();

        await _indexer.AddNewAsync("berlin", members, 8, CancellationToken.None);

        var submitted = _transactions.ToList();
        Assert.Equal([TableTransactionActionType.Add, TableTransactionActionType.UpsertReplace], submitted.Select(t => t.Actions.Select(a => a.ActionType).Distinct().Single()));
        Assert.Equal(submitted[0].Actions.Select(a => a.Entity.RowKey), submitted[1].Actions.Select(a => a.Entity.RowKey));
    }

    [Fact]
    public async Task Update_OfAMemberWithoutEntries_SendsTheNameEntriesAsOneTransactionOfInserts()
    {
        await _indexer.UpdateAsync("berlin", "mem_1", null, MemberIndexKeys.For(Member("mem_1", "Ada", "Lovelace", null)), CancellationToken.None);

        var transaction = Assert.Single(_transactions);
        Assert.Equal([TableTransactionActionType.Add, TableTransactionActionType.Add], transaction.Actions.Select(a => a.ActionType));
    }

    [Fact]
    public async Task Update_OfRecordedEntriesUnderAnOlderKeyVersion_ReplacesThem()
    {
        var keys = MemberIndexKeys.For(Member("mem_1", "Ada", "Lovelace", null));

        await _indexer.UpdateAsync("berlin", "mem_1", keys with { Version = keys.Version - 1 }, keys, CancellationToken.None);

        var transaction = Assert.Single(_transactions);
        Assert.All(transaction.Actions, a => Assert.Equal(TableTransactionActionType.UpsertReplace, a.ActionType));
    }

    [Fact]
    public async Task AddNew_WritesWhatUpdateWritesForAMemberWithoutEntries()
    {
        var keys = MemberIndexKeys.For(Member("mem_1", "Ada", "Lovelace", "ada@example.com"));
        await _indexer.UpdateAsync("berlin", "mem_1", null, keys, CancellationToken.None);
        var one = Written();
        _transactions.Clear();
        _upserts.Clear();

        await _indexer.AddNewAsync("berlin", [("mem_1", keys)], 8, CancellationToken.None);

        Assert.Equal(one, Written());
    }

    [Fact]
    public async Task AddNew_OfMembersWithoutNameOrEmail_WritesNothing()
    {
        await _indexer.AddNewAsync("berlin", [("mem_1", MemberIndexKeys.For(Member("mem_1", "", "", null)))], 8, CancellationToken.None);

        Assert.Empty(_transactions);
        Assert.Empty(_upserts);
    }

    /// <summary>Each entry written, as table, keys and columns.</summary>
    private List<string> Written() =>
    [
        .. _upserts.Select(u => Describe(u.Table, u.Entity))
            .Concat(_transactions.SelectMany(t => t.Actions.Select(a => Describe(t.Table, a.Entity))))
            .Order(StringComparer.Ordinal),
    ];

    private static string Describe(string table, ITableEntity entity) =>
        $"{table} {entity.PartitionKey} {entity.RowKey} " + string.Join(",", ((TableEntity)entity).Where(p => p.Key is not ("odata.etag" or "Timestamp")).Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));

    private TableClient Client(string name)
    {
        var client = new Mock<TableClient>(MockBehavior.Strict);
        client.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(new TableItem(name), Mock.Of<Response>()));
        client.Setup(c => c.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<TableTransactionAction> actions, CancellationToken _) =>
            {
                var list = actions.ToList();
                _transactions.Enqueue((name, list));
                if (_refuseInsertsWith409 && list.Any(a => a.ActionType == TableTransactionActionType.Add))
                    throw new TableTransactionFailedException(new RequestFailedException(409, "The specified entity already exists.", "EntityAlreadyExists", null));
                return Response.FromValue<IReadOnlyList<Response>>([.. list.Select(_ => Mock.Of<Response>())], Mock.Of<Response>());
            });
        client.Setup(c => c.UpsertEntityAsync(It.IsAny<TableEntity>(), It.IsAny<TableUpdateMode>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TableEntity entity, TableUpdateMode mode, CancellationToken _) =>
            {
                _upserts.Enqueue((name, entity, mode));
                return Mock.Of<Response>();
            });
        return client.Object;
    }

    private static PlatformMember Member(string id, string first, string last, string? email) =>
        new() { MemberId = id, FirstName = first, LastName = last, Email = email, Status = MemberStatus.Active, UpdatedAt = DateTimeOffset.UnixEpoch };
}
