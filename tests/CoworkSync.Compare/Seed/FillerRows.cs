using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace CoworkSync.Compare.Seed;

/// <summary>
/// Makes the tables big fast: rows written straight into CoworkSync's tables in its layout (docs/benchmarks.md,
/// "Table layout the harness relies on"), batched by partition where the layout allows: members (partition = connector, row = member id),
/// accounts (partition = user name, row <c>account</c>: one insert each), processed events
/// (partition = connector, row = event id). They belong to filler connectors of <see cref="PerConnector"/> members
/// each (<c>filler-000</c>, …; no connector rows, so no timer syncs them): Azurite's inserts and point reads slow with
/// the size of their partition (an emulator's cost; Table Storage finds a row by its keys), so one huge partition
/// would measure Azurite. No load touches these rows: they are there to be many. Their passwords are not decryptable.
/// </summary>
public static class FillerRows
{
    public const int PerConnector = 1000;
    private const int Batch = 100;
    private static readonly DateTimeOffset Seeded = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(string connectionString, string memberPrefix, int members, int events)
    {
        var service = new TableServiceClient(connectionString);
        var tables = new Dictionary<string, TableClient>();
        foreach (var name in new[] { "Members", "Accounts", "ProcessedEvents" })
        {
            tables[name] = service.GetTableClient(name);
            await tables[name].CreateIfNotExistsAsync();
        }

        await InBatchesAsync(tables["Members"], members, i => Member(Connector(i), memberPrefix, i));
        await InBatchesAsync(tables["ProcessedEvents"], events, i => ProcessedEvent(Connector(i), i));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, members), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await tables["Accounts"].AddEntityAsync(Account(Connector(i), memberPrefix, i), ct));
        Console.Error.WriteLine($"    Accounts: {members} rows in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static string Connector(int i) => "filler-" + (i / PerConnector).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Inserts rows 0..count-1, 100 to a transaction (batches never cross a connector's partition), 8 transactions at a time.</summary>
    private static async Task InBatchesAsync(TableClient table, int count, Func<int, TableEntity> row)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Chunks(count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (range, ct) =>
            await table.SubmitTransactionAsync(range.Select(i => new TableTransactionAction(TableTransactionActionType.Add, row(i))), ct));
        Console.Error.WriteLine($"    {table.Name}: {count} rows in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static IEnumerable<IEnumerable<int>> Chunks(int count) =>
        Enumerable.Range(0, (count + Batch - 1) / Batch).Select(b => Enumerable.Range(b * Batch, Math.Min(Batch, count - b * Batch)));

    internal static TableEntity Member(string connectorId, string prefix, int i) => new(connectorId, BenchMembers.Id(prefix, i))
    {
        ["FirstName"] = "Filler",
        ["LastName"] = "Member " + i.ToString(CultureInfo.InvariantCulture),
        ["Email"] = BenchMembers.Username(prefix, i),
        ["Status"] = "Active",
        ["MembershipStatus"] = "Active",
        ["PlanId"] = BenchMembers.PlanId,
        ["PlanName"] = BenchMembers.PlanName,
        ["LocationId"] = BenchMembers.LocationId,
        ["BillingCycleAnchor"] = BenchMembers.StartsOn,
        ["PlatformUpdatedAt"] = Seeded,
        ["Username"] = BenchMembers.Username(prefix, i),
        ["Flagged"] = false,
        ["Gone"] = false,
        ["LastEventId"] = EventId(i),
        ["LastEventAt"] = Seeded,
    };

    internal static TableEntity Account(string connectorId, string prefix, int i) => new(BenchMembers.Username(prefix, i), "account")
    {
        ["ConnectorId"] = connectorId,
        ["MemberId"] = BenchMembers.Id(prefix, i),
        ["Password"] = "filler-not-a-protected-password",
        ["Enabled"] = true,
        ["Groups"] = BenchMembers.Group,
        ["LocationId"] = BenchMembers.LocationId,
        ["BillingCycleAnchor"] = BenchMembers.StartsOn,
        ["StateVersion"] = Seeded,
        ["CreatedAt"] = Seeded,
        ["UpdatedAt"] = Seeded,
        ["WelcomeEmailQueuedAt"] = Seeded,
        ["WelcomeEmailSentAt"] = Seeded,
    };

    private static TableEntity ProcessedEvent(string connectorId, int i) => new(connectorId, EventId(i))
    {
        ["State"] = "Applied",
        ["EventType"] = "coworks.webhook",
        ["AppliedAt"] = DateTimeOffset.UtcNow,
        ["Attempt"] = 1,
    };


    private static string EventId(int i) => "evt_filler_" + i.ToString("D7", CultureInfo.InvariantCulture);
}
