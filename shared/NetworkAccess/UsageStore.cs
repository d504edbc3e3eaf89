using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Session seconds per member and billing cycle (table <c>Usage</c>: partition = user name, row = cycle), one row per
/// cycle so RADIUS authorize needs one point read; open sessions are indexed by NAS (table <c>NasSessions</c>) so a
/// NAS's Accounting-On/Off can close them.
/// </summary>
public sealed class UsageStore(StateTables tables, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CycleUsage> GetAsync(string username, string cycleKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(username), Row(cycleKey), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(cycleKey, found.Value!) : CycleUsage.Empty(cycleKey);
    }

    /// <summary>
    /// Records what a report says about a session in a cycle's row (the highest seconds win; a closed session stays
    /// closed, so repeats change nothing) and points the NAS's index at that row while the session is open. Returns
    /// whether the session is new in this row.
    /// </summary>
    public async Task<bool> RecordAsync(string username, string cycleKey, SessionReport report, CancellationToken cancellationToken)
    {
        var (previous, current) = await WriteAsync(username, cycleKey, report, cancellationToken);
        // The index changes only when the session opens or closes here; interim updates leave it as it is.
        if (report.Nas is not null && (previous is null || previous.Open != current.Open || report.Closes))
            await IndexAsync(report.Nas, username, cycleKey, report.SessionId, current.Open, cancellationToken);
        return previous is null;
    }

    /// <summary>
    /// Records the part of a session that fell in an earlier cycle, closed there: the session goes on in the current
    /// cycle's row, which the NAS's index keeps pointing at.
    /// </summary>
    public Task RecordEarlierPartAsync(string username, string cycleKey, SessionReport report, CancellationToken cancellationToken) =>
        WriteAsync(username, cycleKey, report with { Closes = true }, cancellationToken);

    /// <summary>Closes every open session a NAS reported (it restarted: Accounting-On/Off); returns how many.</summary>
    public async Task<int> CloseNasSessionsAsync(string nas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        var closed = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(nas)}");
        await foreach (var entry in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var report = new SessionReport(TableKey.Unescape(entry.RowKey), 0, Closes: true, nas, CallingStationId: null, now);
            await RecordAsync(entry.GetString("Username")!, entry.GetString("CycleKey")!, report, cancellationToken);
            closed++;
        }
        return closed;
    }

    /// <summary>Returns the session as the row held it before (null: new) and as it holds it now.</summary>
    private async Task<(SessionUsage? Previous, SessionUsage Current)> WriteAsync(string username, string cycleKey, SessionReport report, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        return await OptimisticConcurrency.RunAsync<(SessionUsage?, SessionUsage)>(async ct =>
        {
            var usage = await GetAsync(username, cycleKey, ct);
            var previous = usage.Sessions.GetValueOrDefault(report.SessionId);
            if (SessionUsage.After(previous, report) is not { } next)
                return (previous, previous!);
            var sessions = new Dictionary<string, SessionUsage>(usage.Sessions, StringComparer.Ordinal) { [report.SessionId] = next };
            var entity = ToEntity(username, cycleKey, sessions);
            if (usage.ETag == default)
                await table.AddEntityAsync(entity, ct);
            else
                await table.UpdateEntityAsync(entity, usage.ETag, TableUpdateMode.Replace, ct);
            return (previous, next);
        }, time, cancellationToken);
    }

    private async Task IndexAsync(string nas, string username, string cycleKey, string sessionId, bool open, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        if (open)
        {
            await index.UpsertEntityAsync(new TableEntity(TableKey.Escape(nas), TableKey.Escape(sessionId))
            {
                ["Username"] = username,
                ["CycleKey"] = cycleKey,
            }, TableUpdateMode.Replace, cancellationToken);
            return;
        }
        try
        {
            await index.DeleteEntityAsync(TableKey.Escape(nas), TableKey.Escape(sessionId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            // Never indexed, or closed already.
        }
    }

    private static string Row(string cycleKey) => "cycle-" + cycleKey;

    private static TableEntity ToEntity(string username, string cycleKey, Dictionary<string, SessionUsage> sessions)
    {
        var entity = new TableEntity(TableKey.Escape(username), Row(cycleKey));
        LargeText.Write(entity, "Sessions", JsonSerializer.Serialize(sessions, Json));
        return entity;
    }

    private static CycleUsage FromEntity(string cycleKey, TableEntity entity)
    {
        var json = LargeText.Read(entity, "Sessions");
        var sessions = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, SessionUsage>>(json, Json) ?? [];
        return new CycleUsage(cycleKey, sessions, entity.ETag);
    }
}
