using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using CoworkSync.State.Tables;
using Moq;

namespace CoworkSync.UnitTests.Support;

/// <summary>
/// Table Storage as Moq clients over rows held in memory: point reads (<c>GetEntityIfExistsAsync</c>) and queries whose
/// filter is <c>PartitionKey</c>/<c>RowKey</c> comparisons joined by <c>and</c> (what the lookups send), or a LINQ
/// expression. Every read is recorded in <see cref="Reads"/> as "table:point" or "table:query".
/// </summary>
internal sealed partial class MockedTables
{
    private readonly Dictionary<string, List<TableEntity>> _rows = new(StringComparer.Ordinal);
    private readonly Mock<TableServiceClient> _service = new(MockBehavior.Strict);

    public MockedTables()
    {
        _service.Setup(s => s.GetTableClient(It.IsAny<string>())).Returns((string name) => Client(name));
        State = new StateTables(_service.Object);
    }

    public StateTables State { get; }

    public List<string> Reads { get; } = [];

    public void Add(string table, TableEntity entity)
    {
        if (!_rows.TryGetValue(table, out var rows))
            _rows[table] = rows = [];
        rows.Add(entity);
    }

    private TableClient Client(string name)
    {
        var client = new Mock<TableClient>(MockBehavior.Strict);
        client.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(new TableItem(name), Mock.Of<Response>()));
        client.Setup(c => c.GetEntityIfExistsAsync<TableEntity>(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string partition, string row, IEnumerable<string> _, CancellationToken _) =>
            {
                Reads.Add(name + ":point");
                var found = Rows(name).FirstOrDefault(e => e.PartitionKey == partition && e.RowKey == row);
                if (found is not null)
                    return Response.FromValue(found, Mock.Of<Response>());
                var none = new Mock<NullableResponse<TableEntity>>();
                none.SetupGet(r => r.HasValue).Returns(false);
                return none.Object;
            });
        client.Setup(c => c.QueryAsync<TableEntity>(It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string filter, int? _, IEnumerable<string> _, CancellationToken _) =>
            {
                Reads.Add(name + ":query");
                return Pageable(Rows(name).Where(e => Matches(filter, e)));
            });
        client.Setup(c => c.QueryAsync(It.IsAny<Expression<Func<TableEntity, bool>>>(), It.IsAny<int?>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((Expression<Func<TableEntity, bool>> filter, int? _, IEnumerable<string> _, CancellationToken _) =>
            {
                Reads.Add(name + ":query");
                return Pageable(Rows(name).Where(filter.Compile()));
            });
        return client.Object;
    }

    private List<TableEntity> Rows(string table) => _rows.GetValueOrDefault(table) ?? [];

    private static AsyncPageable<TableEntity> Pageable(IEnumerable<TableEntity> rows) =>
        AsyncPageable<TableEntity>.FromPages([Page<TableEntity>.FromValues([.. rows.OrderBy(e => e.PartitionKey, StringComparer.Ordinal).ThenBy(e => e.RowKey, StringComparer.Ordinal)], null, Mock.Of<Response>())]);

    private static bool Matches(string filter, TableEntity entity)
    {
        var terms = Term().Matches(filter);
        if (terms.Count == 0)
            throw new NotSupportedException($"Filter not understood: {filter}");
        return terms.All(t =>
        {
            var actual = t.Groups["key"].Value == "PartitionKey" ? entity.PartitionKey : entity.RowKey;
            var order = string.CompareOrdinal(actual, t.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal));
            return t.Groups["op"].Value switch
            {
                "eq" => order == 0,
                "ge" => order >= 0,
                "gt" => order > 0,
                "le" => order <= 0,
                _ => order < 0,
            };
        });
    }

    [GeneratedRegex("(?<key>PartitionKey|RowKey) (?<op>eq|ge|gt|le|lt) '(?<value>(?:[^']|'')*)'")]
    private static partial Regex Term();
}
