using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.Connectors.Seam;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Sync;

/// <summary>Sync runs in table <c>SyncRuns</c>: partition = connector, row = run id (newest first).</summary>
public sealed class SyncRunStore(StateTables tables)
{
    /// <summary>The errors and notes a run keeps (each at most <see cref="MaxTextLength"/> characters).</summary>
    public const int MaxListed = SyncNotes.MaxListed;

    public const int MaxTextLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NewRunId(DateTimeOffset now) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task SaveAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SyncRuns, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(run.ConnectorId), run.RunId)
        {
            ["Trigger"] = run.Trigger,
            ["State"] = run.State.ToString(),
            ["QueuedAt"] = run.QueuedAt,
            ["StartedAt"] = run.StartedAt,
            ["EndedAt"] = run.EndedAt,
            ["Counts"] = JsonSerializer.Serialize(run.Counts, Json),
            ["Errors"] = JsonSerializer.Serialize(Kept(run.Errors), Json),
            ["Notes"] = JsonSerializer.Serialize(Kept(run.Notes), Json),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static IEnumerable<string> Kept(IEnumerable<string> texts) =>
        texts.Take(MaxListed).Select(e => e.Length > MaxTextLength ? e[..MaxTextLength] : e);

    public async Task<SyncRun?> GetAsync(string connectorId, string runId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SyncRuns, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(connectorId), runId, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<SyncRun>> ListAsync(string connectorId, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SyncRuns, cancellationToken);
        var runs = new List<SyncRun>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(connectorId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            runs.Add(FromEntity(entity));
            if (runs.Count == max)
                break;
        }
        return runs;
    }

    private static SyncRun FromEntity(TableEntity e) => new()
    {
        ConnectorId = TableKey.Unescape(e.PartitionKey),
        RunId = e.RowKey,
        Trigger = e.GetString("Trigger") ?? "",
        State = Enum.TryParse<SyncRunState>(e.GetString("State"), out var state) ? state : SyncRunState.Failed,
        QueuedAt = e.GetDateTimeOffset("QueuedAt") ?? default,
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        EndedAt = e.GetDateTimeOffset("EndedAt"),
        Counts = JsonSerializer.Deserialize<SyncCounts>(e.GetString("Counts") ?? "{}", Json) ?? new SyncCounts(),
        Errors = JsonSerializer.Deserialize<List<string>>(e.GetString("Errors") ?? "[]", Json) ?? [],
        Notes = JsonSerializer.Deserialize<List<string>>(e.GetString("Notes") ?? "[]", Json) ?? [],
    };

}
