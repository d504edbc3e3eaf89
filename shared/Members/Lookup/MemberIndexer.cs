using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Lookup;

/// <summary>
/// Keeps a member's entries in the lookup indexes (<see cref="MemberIndexEntities"/>) in line with their current keys.
/// The reconciler calls it once, before it writes the member row that records the new keys: an entry is written before
/// any row says it exists, so a member is never missing from an index their row says they are in. An entry left behind
/// by a write that then lost a race points at a member whose keys differ, and <see cref="MemberLookup"/> skips it.
/// </summary>
public sealed class MemberIndexer(StateTables tables)
{
    /// <summary>
    /// Writes the entries of <paramref name="current"/> that <paramref name="indexed"/> lacks, then removes those of
    /// <paramref name="indexed"/> that <paramref name="current"/> has not (an email or a name that changed). No storage
    /// operation at all when the two are equal.
    /// </summary>
    /// <param name="connectorId">The member's connector.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="indexed">The keys the member row records; null when the member has no entries yet.</param>
    /// <param name="current">The keys of the member's state about to be stored.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task UpdateAsync(string connectorId, string memberId, MemberIndexKeys? indexed, MemberIndexKeys current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (indexed == current)
            return;

        var rewrite = indexed is null || indexed.Version != current.Version;
        var oldNames = indexed?.NameEntries() ?? [];
        var newNames = current.NameEntries();

        if (current.Email is { } email && (rewrite || indexed!.Email != email))
            await UpsertAsync(TableNames.MemberEmails, MemberIndexEntities.Email(email, connectorId, memberId), cancellationToken);
        foreach (var (name, reversed) in newNames.Where(n => rewrite || !oldNames.Contains(n)))
            await UpsertAsync(TableNames.MemberNames, MemberIndexEntities.Name(connectorId, name, reversed, memberId), cancellationToken);

        if (indexed?.Email is { } oldEmail && oldEmail != current.Email)
        {
            var (partition, row) = MemberIndexEntities.EmailKeys(oldEmail, connectorId, memberId);
            await DeleteAsync(TableNames.MemberEmails, partition, row, cancellationToken);
        }
        foreach (var (name, _) in oldNames.Where(n => !newNames.Any(c => c.Name == n.Name)))
            await DeleteAsync(TableNames.MemberNames, TableKey.Escape(connectorId), MemberIndexEntities.NameRow(name, memberId), cancellationToken);
    }

    private async Task UpsertAsync(string tableName, TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task DeleteAsync(string tableName, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: a retry of an earlier attempt removed it.
        }
    }
}
