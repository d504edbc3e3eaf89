using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Session seconds per member and billing cycle in storage (table <c>Usage</c>: partition = user name, row = cycle), one
/// row per cycle so RADIUS authorize needs one point read; open sessions are indexed by NAS (table <c>NasSessions</c>) so a
/// NAS's Accounting-On/Off can close them. Only reads and writes: what a report changes is <see cref="UsageLedger"/>'s.
/// </summary>
public sealed class UsageStore(StateTables tables)
{
    private const int MaxTransaction = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The row as stored now (a point read); empty, without an ETag, when there is none.</summary>
    public async Task<CycleUsage> GetAsync(string username, string cycleKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(username), Row(cycleKey), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(cycleKey, found.Value!) : CycleUsage.Empty(cycleKey);
    }

    /// <summary>
    /// Writes the row's sessions: adds the row when <paramref name="etag"/> is empty, otherwise replaces the row read with
    /// that ETag. A row written meanwhile by someone else surfaces as 409 (add) or 412 (replace).
    /// </summary>
    /// <returns>The row's new ETag.</returns>
    public async Task<ETag> WriteAsync(string username, string cycleKey, IReadOnlyDictionary<string, SessionUsage> sessions, ETag etag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Usage, cancellationToken);
        var entity = ToEntity(username, cycleKey, sessions);
        var response = etag == default
            ? await table.AddEntityAsync(entity, cancellationToken)
            : await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>
    /// Writes changes to the NAS's index in transactions of up to 100 (the index's partition is the NAS): each opened
    /// session's entry points at the row holding it open, each closed session's entry is removed. A transaction fails
    /// whole when an entry to remove is gone already, so such a group is written again with its removals one at a time.
    /// </summary>
    public async Task WriteIndexAsync(string nas, IReadOnlyCollection<NasIndexChange> changes, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        foreach (var group in changes.Chunk(MaxTransaction))
        {
            try
            {
                await index.SubmitTransactionAsync(group.Select(change => Action(nas, change)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                var opened = group.Where(c => c.Open).ToList();
                if (opened.Count > 0)
                    await index.SubmitTransactionAsync(opened.Select(change => Action(nas, change)), cancellationToken);
                foreach (var closed in group.Where(c => !c.Open))
                    await RemoveAsync(index, nas, closed.SessionId, cancellationToken);
            }
        }
    }

    /// <summary>The cycle whose row holds the session open, as the NAS's index says (a point read); null when not indexed.</summary>
    public async Task<string?> OpenCycleOfAsync(string nas, string sessionId, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        var found = await index.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(nas), TableKey.Escape(sessionId), ["CycleKey"], cancellationToken);
        return found.HasValue ? found.Value!.GetString("CycleKey") : null;
    }

    /// <summary>The sessions a NAS has open, as its index lists them (one partition).</summary>
    public async IAsyncEnumerable<(string SessionId, string Username, string CycleKey)> OpenSessionsOfAsync(
        string nas, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.NasSessions, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(nas)}");
        await foreach (var entry in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return (TableKey.Unescape(entry.RowKey), entry.GetString("Username")!, entry.GetString("CycleKey")!);
    }

    private static TableTransactionAction Action(string nas, NasIndexChange change) => change.Open
        ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(TableKey.Escape(nas), TableKey.Escape(change.SessionId))
        {
            ["Username"] = change.Username,
            ["CycleKey"] = change.CycleKey,
        })
        : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TableKey.Escape(nas), TableKey.Escape(change.SessionId)), ETag.All);

    private static async Task RemoveAsync(TableClient index, string nas, string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await index.DeleteEntityAsync(TableKey.Escape(nas), TableKey.Escape(sessionId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            // Removed already (by another instance, or before a crash).
        }
    }

    private static string Row(string cycleKey) => "cycle-" + cycleKey;

    private static TableEntity ToEntity(string username, string cycleKey, IReadOnlyDictionary<string, SessionUsage> sessions)
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
