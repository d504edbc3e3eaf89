using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;
using Moq;

namespace CoworkSync.UnitTests.Members.Records;

/// <summary>New members stored together: one transaction of inserts (never a replace), within Table storage's rules.</summary>
public sealed class MemberStoreAddAllTests
{
    private readonly List<List<TableTransactionAction>> _transactions = [];
    private readonly MemberStore _store;

    public MemberStoreAddAllTests()
    {
        var client = new Mock<TableClient>(MockBehavior.Strict);
        client.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(new TableItem(TableNames.Members), Mock.Of<Response>()));
        client.Setup(c => c.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<TableTransactionAction> actions, CancellationToken _) =>
            {
                var list = actions.ToList();
                _transactions.Add(list);
                return Response.FromValue<IReadOnlyList<Response>>([.. list.Select(a => new InsertedResponse($"W/\"etag-{a.Entity.RowKey}\""))], Mock.Of<Response>());
            });
        var service = new Mock<TableServiceClient>(MockBehavior.Strict);
        service.Setup(s => s.GetTableClient(TableNames.Members)).Returns(client.Object);
        _store = new MemberStore(new StateTables(service.Object));
    }

    [Fact]
    public async Task AddAll_InsertsEveryMemberInOneTransaction_InTheirOrder()
    {
        var members = Enumerable.Range(0, 100).Select(i => Member("berlin", $"mem_{i}")).ToList();

        var stored = await _store.AddAllAsync(members, CancellationToken.None);

        var transaction = Assert.Single(_transactions);
        Assert.All(transaction, a => Assert.Equal((TableTransactionActionType.Add, "berlin"), (a.ActionType, a.Entity.PartitionKey)));
        Assert.Equal(members.Select(m => m.Platform.MemberId), transaction.Select(a => a.Entity.RowKey));
        Assert.Equal(members.Select(m => m.Platform.MemberId), stored.Select(m => m.Platform.MemberId));
        Assert.Equal(members.Select(m => new ETag($"W/\"etag-{m.Platform.MemberId}\"")), stored.Select(m => m.ETag));
    }

    [Fact]
    public async Task AddAll_OfMoreThanATransactionHolds_OrOfTwoConnectors_RefusesAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddAllAsync([.. Enumerable.Range(0, 101).Select(i => Member("berlin", $"mem_{i}"))], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddAllAsync([Member("berlin", "mem_1"), Member("paris", "mem_2")], CancellationToken.None));

        Assert.Empty(_transactions);
        Assert.Empty(await _store.AddAllAsync([], CancellationToken.None));
    }

    private static MemberRecord Member(string connectorId, string memberId) => new()
    {
        ConnectorId = connectorId,
        Platform = new PlatformMember { MemberId = memberId, Status = MemberStatus.Active, Email = $"{memberId}@example.com", UpdatedAt = DateTimeOffset.UnixEpoch },
    };

    /// <summary>A transaction's answer for one inserted entity: 204 with its ETag.</summary>
    private sealed class InsertedResponse(string etag) : Response
    {
        public override int Status => 204;

        public override string ReasonPhrase => "No Content";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => name == "ETag";

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [new HttpHeader("ETag", etag)];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = name == "ETag" ? etag : null;
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = name == "ETag" ? [etag] : null;
            return values is not null;
        }
    }
}
