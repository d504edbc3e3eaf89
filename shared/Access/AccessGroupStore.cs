using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Caching;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Access;

/// <summary>
/// Access groups: the operator's, stored in table <c>AccessGroups</c>, and <see cref="AccessGroupDefaults"/> for every
/// default id not stored. RADIUS authorize reads them on every request, so <see cref="GetAllAsync"/> serves them from
/// memory and reloads them in the background once <see cref="CacheDuration"/> old; <see cref="PutAsync"/> clears this
/// instance's copy at once, other instances see a change within <see cref="CacheDuration"/> and one reload. The admin
/// API reads storage directly.
/// </summary>
public sealed class AccessGroupStore
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private readonly StateTables _tables;
    private readonly TimeProvider _time;
    private readonly ILogger<AccessGroupStore> _logger;
    private readonly StaleWhileRefreshCache<IReadOnlyDictionary<string, AccessGroup>> _inForce;

    public AccessGroupStore(StateTables tables, TimeProvider time, ILogger<AccessGroupStore> logger)
    {
        (_tables, _time, _logger) = (tables, time, logger);
        _inForce = new(LoadInForceAsync, CacheDuration, time, logger, "access groups");
    }

    /// <summary>
    /// The groups in force by id (ordinal), from memory; only the first call, and the first after a put on this
    /// instance, waits for storage.
    /// </summary>
    public Task<IReadOnlyDictionary<string, AccessGroup>> GetAllAsync(CancellationToken cancellationToken) =>
        _inForce.GetAsync(cancellationToken);

    /// <summary>The groups in force among <paramref name="groupIds"/>, from the cache; ids of no group are left out.</summary>
    public async Task<IReadOnlyList<AccessGroup>> ResolveAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(cancellationToken);
        return groupIds.Distinct(StringComparer.Ordinal).Select(id => all.GetValueOrDefault(id)).OfType<AccessGroup>().ToList();
    }

    /// <summary>The group in force for an id, read from storage; null when it is neither stored nor a default.</summary>
    public async Task<AccessGroupEntry?> FindAsync(string groupId, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableNames.AccessGroups, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(AccessGroupEntityMapper.Partition, TableKey.Escape(groupId), cancellationToken: cancellationToken);
        if (found.HasValue && TryRead(found.Value!) is { } stored)
            return new AccessGroupEntry(stored, AccessGroupSource.Stored);
        return AccessGroupDefaults.Find(groupId) is { } fallback ? new AccessGroupEntry(fallback, AccessGroupSource.Default) : null;
    }

    /// <summary>Every group in force, read from storage, ordered by id.</summary>
    public async Task<IReadOnlyList<AccessGroupEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(cancellationToken);
        return AccessGroupDefaults.All.Where(d => !stored.ContainsKey(d.Id)).Select(d => new AccessGroupEntry(d, AccessGroupSource.Default))
            .Concat(stored.Values.Select(g => new AccessGroupEntry(g, AccessGroupSource.Stored)))
            .OrderBy(e => e.Group.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Creates or replaces the stored group (last write wins: a PUT replaces the whole group) and clears the cache.
    /// Returns true when nothing was stored for the id before.
    /// </summary>
    public async Task<bool> PutAsync(AccessGroup group, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableNames.AccessGroups, cancellationToken);
        var entity = AccessGroupEntityMapper.ToEntity(group, _time.GetUtcNow());
        bool added;
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            added = true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            added = false;
        }
        Invalidate();
        _logger.Saved(group.Id, added ? "added" : "replaced");
        return added;
    }

    /// <summary>Forgets the cached groups: the next <see cref="GetAllAsync"/> waits for storage, never serving the old copy.</summary>
    public void Invalidate() => _inForce.Invalidate();

    private async Task<IReadOnlyDictionary<string, AccessGroup>> LoadInForceAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(cancellationToken);
        var groups = new Dictionary<string, AccessGroup>(stored, StringComparer.Ordinal);
        foreach (var fallback in AccessGroupDefaults.All)
            groups.TryAdd(fallback.Id, fallback);
        _logger.Loaded(stored.Count, groups.Count);
        return groups;
    }

    private async Task<Dictionary<string, AccessGroup>> ReadStoredAsync(CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableNames.AccessGroups, cancellationToken);
        var stored = new Dictionary<string, AccessGroup>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == AccessGroupEntityMapper.Partition, cancellationToken: cancellationToken))
        {
            if (TryRead(entity) is { } group)
                stored[group.Id] = group;
        }
        return stored;
    }

    /// <summary>A damaged row must not take RADIUS down for everyone: it is logged and ignored.</summary>
    private AccessGroup? TryRead(TableEntity entity)
    {
        try
        {
            return AccessGroupEntityMapper.FromEntity(entity);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidCastException)
        {
            _logger.Unreadable(ex, TableKey.Unescape(entity.RowKey));
            return null;
        }
    }
}
