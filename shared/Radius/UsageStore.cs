using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Storage;

namespace CoworkSync.Radius;

/// <summary>
/// Session seconds per member and billing cycle (table <c>Usage</c>: partition = user name, row = cycle), one row per
/// cycle so RADIUS authorize needs one point read; open sessions are indexed by NAS (table <c>NasSessions</c>) so a
/// NAS's Accounting-On/Off can close them.
/// </summary>
public sealed class UsageStore(StateTables tables)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CycleUsage> GetAsync(string username, string cycleKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(username), Row(cycleKey), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(cycleKey, found.Value!) : CycleUsage.Empty(cycleKey);
    }

    /// <summary>Records a session's seconds (the highest seen wins); a closed session stays closed, so repeats change nothing.</summary>
    public async Task RecordAsync(string username, string cycleKey, string sessionId, long seconds, bool closes, string? nas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        var open = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var usage = await GetAsync(username, cycleKey, ct);
            var sessions = new Dictionary<string, SessionUsage>(usage.Sessions, StringComparer.Ordinal);
            var previous = sessions.GetValueOrDefault(sessionId);
            var next = new SessionUsage(Math.Max(previous?.Seconds ?? 0, Math.Max(0, seconds)), (previous?.Open ?? true) && !closes, nas ?? previous?.Nas, now);
            if (previous is not null && previous.Seconds == next.Seconds && previous.Open == next.Open)
                return next.Open;
            sessions[sessionId] = next;
            var entity = ToEntity(username, cycleKey, sessions);
            if (usage.ETag == default)
                await table.AddEntityAsync(entity, ct);
            else
                await table.UpdateEntityAsync(entity, usage.ETag, TableUpdateMode.Replace, ct);
            return next.Open;
        }, cancellationToken);

        if (nas is not null)
            await IndexAsync(nas, username, cycleKey, sessionId, open, cancellationToken);
    }

    /// <summary>Closes every open session a NAS reported (it restarted: Accounting-On/Off); returns how many.</summary>
    public async Task<int> CloseNasSessionsAsync(string nas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        var closed = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(nas)}");
        await foreach (var entry in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            await RecordAsync(entry.GetString("Username")!, entry.GetString("CycleKey")!, TableKey.Unescape(entry.RowKey), 0, closes: true, nas, now, cancellationToken);
            closed++;
        }
        return closed;
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
