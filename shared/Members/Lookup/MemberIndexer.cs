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
        var names = newNames.Where(n => rewrite || !oldNames.Contains(n)).Select(n => MemberIndexEntities.Name(connectorId, n.Name, n.Reversed, memberId)).ToList();
        if (names.Count > 0)
        {
            // A member's name entries share the connector's partition: one transaction. Entries the row does not record
            // are new and go as inserts (NewEntities); recorded ones rewritten under a new key version are replaced.
            var table = await tables.GetAsync(TableNames.MemberNames, cancellationToken);
            var replacing = indexed is not null && rewrite;
            if (replacing && names.Count == 1)
                await table.UpsertEntityAsync(names[0], TableUpdateMode.Replace, cancellationToken);
            else if (replacing)
                await table.SubmitTransactionAsync(names.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
            else if (names.Count == 1)
                await NewEntities.InsertOrReplaceAsync(table, names[0], cancellationToken);
            else
                await NewEntities.InsertOrReplaceAllAsync(table, names, cancellationToken);
        }

        if (indexed?.Email is { } oldEmail && oldEmail != current.Email)
        {
            var (partition, row) = MemberIndexEntities.EmailKeys(oldEmail, connectorId, memberId);
            await DeleteAsync(TableNames.MemberEmails, partition, row, cancellationToken);
        }
        foreach (var (name, _) in oldNames.Where(n => !newNames.Any(c => c.Name == n.Name)))
            await DeleteAsync(TableNames.MemberNames, TableKey.Escape(connectorId), MemberIndexEntities.NameRow(name, memberId), cancellationToken);
    }

    /// <summary>
    /// Writes the entries of members that have none yet (new members of one connector), as <see cref="UpdateAsync"/> does
    /// for one with no recorded keys: the name entries share the connector's partition, so they go in transactions of
    /// up to <see cref="TableTransactions.MaxActions"/> (of inserts: <see cref="NewEntities"/>); each email
    /// entry has a partition of its own and is written alone, <paramref name="parallelism"/> at a time, while the
    /// transactions run.
    /// </summary>
    /// <param name="connectorId">The members' connector.</param>
    /// <param name="newMembers">Each member and the keys of the state about to be stored.</param>
    /// <param name="parallelism">How many email entries are written at once.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task AddNewAsync(string connectorId, IReadOnlyList<(string MemberId, MemberIndexKeys Keys)> newMembers, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newMembers);
        var names = newMembers
            .SelectMany(m => m.Keys.NameEntries().Select(n => MemberIndexEntities.Name(connectorId, n.Name, n.Reversed, m.MemberId)))
            .ToList();
        var emails = newMembers
            .Where(m => m.Keys.Email is not null)
            .Select(m => MemberIndexEntities.Email(m.Keys.Email!, connectorId, m.MemberId))
            .ToList();

        var emailWrites = Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (entity, ct) => await UpsertAsync(TableNames.MemberEmails, entity, ct));
        await Task.WhenAll(WriteNamesAsync(), emailWrites);

        async Task WriteNamesAsync()
        {
            var table = await tables.GetAsync(TableNames.MemberNames, cancellationToken);
            foreach (var chunk in names.Chunk(TableTransactions.MaxActions))
                await NewEntities.InsertOrReplaceAllAsync(table, chunk, cancellationToken);
        }
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
