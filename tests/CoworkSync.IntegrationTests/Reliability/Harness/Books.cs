using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>
/// The ledger of one connector after a scenario: every event the app accepted (answered 202, or 200 for one it had
/// accepted before) must end applied (its <c>ProcessedEvents</c> row says <c>Applied</c>) or dead-lettered (a
/// <c>DeadLetters</c> record names it, open or discarded), not both, not neither; and none may be applied twice, which the app's
/// <c>EventApplied</c> log lines (event id 100, written once the event is marked applied) would show. All three are what
/// the product records for support staff anyway: the harness adds no record of its own.
/// </summary>
public sealed partial class Books
{
    private Books(IReadOnlyCollection<string> accepted, IReadOnlySet<string> applied, IReadOnlySet<string> deadLettered, IReadOnlyDictionary<string, int> appliedLines)
    {
        Accepted = accepted;
        Applied = applied;
        DeadLettered = deadLettered;
        AppliedLines = appliedLines;
    }

    public IReadOnlyCollection<string> Accepted { get; }

    public IReadOnlySet<string> Applied { get; }

    public IReadOnlySet<string> DeadLettered { get; }

    /// <summary>EventApplied log lines per event id.</summary>
    public IReadOnlyDictionary<string, int> AppliedLines { get; }

    public IReadOnlyList<string> Missing => [.. Accepted.Where(id => !Applied.Contains(id) && !DeadLettered.Contains(id)).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Both => [.. Accepted.Where(id => Applied.Contains(id) && DeadLettered.Contains(id)).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> AppliedTwice => [.. AppliedLines.Where(p => p.Value > 1).Select(p => p.Key).Order(StringComparer.Ordinal)];

    public int AcceptedApplied => Accepted.Count(Applied.Contains);

    public int AcceptedDeadLettered => Accepted.Count(id => DeadLettered.Contains(id) && !Applied.Contains(id));

    /// <summary>
    /// Events were applied but no EventApplied line was seen at all: the log that shows an event applied twice is not
    /// reaching the harness (its level, its format), so "none applied twice" would hold by not looking.
    /// </summary>
    public bool Blind => Applied.Count > 0 && AppliedLines.Count == 0;

    public bool Balance => Missing.Count == 0 && Both.Count == 0 && AppliedTwice.Count == 0 && !Blind;

    /// <summary>Reads the books of <paramref name="connectorId"/> from the tables and the app's log lines.</summary>
    public static async Task<Books> ReadAsync(TableServiceClient tables, string connectorId, IEnumerable<string> acceptedEventIds, IEnumerable<string> logLines)
    {
        var partition = TableKey.Escape(connectorId);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync(tables, TableNames.ProcessedEvents, partition))
        {
            if (row.GetString("State") == "Applied")
                applied.Add(TableKey.Unescape(row.RowKey));
        }
        var deadLettered = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync(tables, TableNames.DeadLetters, "deadletters"))
        {
            // A replayed dead letter went back to the queue: what happened next is its outcome.
            if (row.GetString("ConnectorId") == connectorId && row.GetString("EventId") is { } eventId && row.GetString("State") != "Replayed")
                deadLettered.Add(eventId);
        }
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in logLines)
        {
            var match = AppliedLine().Match(line);
            if (match.Success && match.Groups["connector"].Value == connectorId)
                lines[match.Groups["id"].Value] = lines.GetValueOrDefault(match.Groups["id"].Value) + 1;
        }
        return new Books(acceptedEventIds.ToHashSet(StringComparer.Ordinal), applied, deadLettered, lines);
    }

    /// <summary>The partition's rows; none when the table was never created (no event ever dead-lettered).</summary>
    private static async IAsyncEnumerable<TableEntity> RowsAsync(TableServiceClient tables, string table, string partition)
    {
        var rows = tables.GetTableClient(table).QueryAsync<TableEntity>(e => e.PartitionKey == partition).GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                    break;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                break;
            }
            yield return rows.Current;
        }
        await rows.DisposeAsync();
    }

    /// <summary>Fails naming every event that lost the books.</summary>
    public void AssertBalanced(string scenario)
    {
        if (Balance)
            return;
        var text = new StringBuilder($"The books of {scenario} do not balance: {this}.");
        foreach (var id in Missing)
            text.Append($"{Environment.NewLine}  event {id}: accepted, but neither applied nor dead-lettered (lost)");
        foreach (var id in Both)
            text.Append($"{Environment.NewLine}  event {id}: both applied and dead-lettered");
        if (Blind)
            text.Append($"{Environment.NewLine}  {Applied.Count} events applied, but no EventApplied log line seen: applied twice cannot be checked");
        foreach (var id in AppliedTwice)
            text.Append($"{Environment.NewLine}  event {id}: applied {AppliedLines[id]} times");
        Assert.Fail(text.ToString());
    }

    public override string ToString() =>
        $"accepted {Accepted.Count} = applied {AcceptedApplied} + dead-lettered {AcceptedDeadLettered}" +
        (Missing.Count > 0 ? $" + lost {Missing.Count}" : "") +
        $"; applied twice {AppliedTwice.Count}; both {Both.Count}";

    // The EventApplied line: "Applied event {EventId} of type {EventType} for connector {ConnectorId} on attempt {Attempt}".
    [GeneratedRegex(@"Applied event (?<id>\S+) of type \S+ for connector (?<connector>\S+) on attempt")]
    private static partial Regex AppliedLine();
}
