using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Administration.Audit;

/// <summary>
/// The audit log, table <c>AuditLog</c>: one partition per month (<c>yyyy-MM</c>, UTC), row key the inverted ticks of
/// the change (plus a random suffix), so that a month lists newest first without sorting; and partition
/// <c>months</c>, one row per month that has entries, so that a page goes back month by month without scanning. A page
/// reads at most <see cref="MaxRequestsPerPage"/> table pages (a filter by area or connector is applied within each
/// month's partition and may need several).
/// </summary>
public sealed partial class AuditLog(StateTables tables, ILogger<AuditLog> logger)
{
    public const string MonthsPartition = "months";
    public const int MaxRequestsPerPage = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, bool> _monthsWritten = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a change that has been made. A failure to record is logged (what was changed, by whom; never a value)
    /// and does not undo or fail the change.
    /// </summary>
    /// <returns>The entry as recorded (with its id); null when it could not be.</returns>
    public async Task<AuditEntry?> RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var recorded = entry with { Id = RowKey(entry.At) };
        try
        {
            var table = await tables.GetAsync(TableNames.AuditLog, cancellationToken);
            var month = AuditContinuation.MonthOf(entry.At);
            if (!_monthsWritten.ContainsKey(month))
            {
                await table.UpsertEntityAsync(new TableEntity(MonthsPartition, month), TableUpdateMode.Replace, CancellationToken.None);
                _monthsWritten[month] = true;
            }
            // Not cancellable: the change it records is made already.
            await table.AddEntityAsync(ToEntity(month, recorded), CancellationToken.None);
            return recorded;
        }
        catch (RequestFailedException ex)
        {
            LogNotRecorded(ex, entry.Action, entry.Target, entry.Actor.ToString());
            return null;
        }
    }

    /// <summary>A page of entries, newest first; an empty page for a token this log did not give.</summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(TableNames.AuditLog, cancellationToken);
        var start = query.ContinuationToken is { } token ? AuditContinuation.Decode(token) : null;
        if (query.ContinuationToken is not null && start is null)
            return new AuditPage([], null);

        var months = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == MonthsPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (AuditContinuation.IsMonth(row.RowKey))
                months.Add(row.RowKey);
        }
        months = [.. months.Where(m => start is null || string.CompareOrdinal(m, start.Month) <= 0).OrderDescending(StringComparer.Ordinal)];

        var items = new List<AuditEntry>();
        var requests = 0;
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var tableToken = start is not null && month == start.Month ? start.TableToken : null;
            while (true)
            {
                var remaining = query.PageSize - items.Count;
                requests++;
                var (page, next) = await ReadPageAsync(table, Filter(month, query), tableToken, remaining, cancellationToken);
                items.AddRange(page);
                var monthDone = next is null;
                var olderMonth = i + 1 < months.Count ? months[i + 1] : null;
                if (items.Count >= query.PageSize || requests >= MaxRequestsPerPage)
                {
                    var continuation = !monthDone ? new AuditContinuation(month, next) : olderMonth is null ? null : new AuditContinuation(olderMonth, null);
                    return new AuditPage(items, continuation?.Encode());
                }
                if (monthDone)
                    break;
                tableToken = next;
            }
        }
        return new AuditPage(items, null);
    }

    private static async Task<(IReadOnlyList<AuditEntry> Items, string? Next)> ReadPageAsync(
        TableClient table, string filter, string? tableToken, int pageSize, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(tableToken, pageSize))
            return ([.. page.Values.Select(FromEntity)], page.ContinuationToken);
        return ([], null);
    }

    private static string Filter(string month, AuditQuery query)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {month}") };
        if (query.Area is { } area)
            clauses.Add(TableClient.CreateQueryFilter($"Area eq {area}"));
        if (query.ConnectorId is { } connector)
            clauses.Add(TableClient.CreateQueryFilter($"ConnectorId eq {connector}"));
        return string.Join(" and ", clauses);
    }

    private static string RowKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];

    private static TableEntity ToEntity(string month, AuditEntry e)
    {
        var entity = new TableEntity(month, e.Id)
        {
            ["At"] = e.At,
            ["ActorName"] = e.Actor.Name,
            ["ActorVia"] = e.Actor.Via,
            ["ActorRole"] = e.Actor.Role,
            ["Area"] = e.Area,
            ["Action"] = e.Action,
            ["Target"] = e.Target,
            ["ConnectorId"] = e.ConnectorId,
            ["Summary"] = e.Summary,
            ["SecretsSet"] = e.SecretsSet.Count == 0 ? null : JsonSerializer.Serialize(e.SecretsSet, Json),
            ["Comment"] = e.Comment,
        };
        LargeText.Write(entity, "Changes", e.Changes.Count == 0 ? null : JsonSerializer.Serialize(e.Changes, Json));
        return entity;
    }

    private static AuditEntry FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        At = e.GetDateTimeOffset("At") ?? default,
        Actor = new AuditActor(e.GetString("ActorName") ?? "", e.GetString("ActorVia") ?? "", e.GetString("ActorRole")),
        Area = e.GetString("Area") ?? "",
        Action = e.GetString("Action") ?? "",
        Target = e.GetString("Target") ?? "",
        ConnectorId = e.GetString("ConnectorId"),
        Summary = e.GetString("Summary") ?? "",
        Changes = LargeText.Read(e, "Changes") is { Length: > 0 } changes ? JsonSerializer.Deserialize<List<AuditChange>>(changes, Json) ?? [] : [],
        SecretsSet = e.GetString("SecretsSet") is { Length: > 0 } secrets ? JsonSerializer.Deserialize<List<string>>(secrets, Json) ?? [] : [],
        Comment = e.GetString("Comment"),
    };

    [LoggerMessage(EventId = 1600, EventName = "AuditNotRecorded", Level = LogLevel.Error,
        Message = "A change was made but could not be recorded in the audit log: {Action} of {Target} by {Actor}")]
    private partial void LogNotRecorded(Exception exception, string action, string target, string actor);
}
