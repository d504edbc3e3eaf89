using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Records;

/// <summary>Members, one partition per connector: a sync reads a connector's members with one partition scan.</summary>
public sealed class MemberStore(StateTables tables)
{
    public async Task<MemberRecord?> GetAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Members, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(connectorId), TableKey.Escape(memberId), cancellationToken: cancellationToken);
        return found.HasValue ? MemberEntityMapper.FromEntity(found.Value!) : null;
    }

    /// <summary>Adds a new member (no ETag) or replaces the one read with that ETag; a race surfaces as 409 or 412.</summary>
    public async Task<MemberRecord> SaveAsync(MemberRecord member, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Members, cancellationToken);
        var entity = MemberEntityMapper.ToEntity(member);
        var response = member.ETag == default
            ? await table.AddEntityAsync(entity, cancellationToken)
            : await table.UpdateEntityAsync(entity, member.ETag, TableUpdateMode.Replace, cancellationToken);
        return member with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>
    /// Adds new members of one connector in one transaction (at most <see cref="TableTransactions.MaxActions"/>): all are
    /// stored or none; one that exists already fails it with 409 (<see cref="TableTransactionFailedException"/>).
    /// </summary>
    /// <returns>The members as stored, in the given order.</returns>
    public async Task<IReadOnlyList<MemberRecord>> AddAllAsync(IReadOnlyList<MemberRecord> newMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newMembers);
        if (newMembers.Count == 0)
            return [];
        if (newMembers.Count > TableTransactions.MaxActions || newMembers.Any(m => m.ConnectorId != newMembers[0].ConnectorId))
            throw new ArgumentException($"One transaction holds at most {TableTransactions.MaxActions} members of one connector.", nameof(newMembers));
        var table = await tables.GetAsync(TableNames.Members, cancellationToken);
        var response = await table.SubmitTransactionAsync(
            newMembers.Select(m => new TableTransactionAction(TableTransactionActionType.Add, MemberEntityMapper.ToEntity(m))), cancellationToken);
        return [.. newMembers.Select((m, i) => m with { ETag = response.Value[i].Headers.ETag ?? default })];
    }

    public async IAsyncEnumerable<MemberRecord> ListAsync(string connectorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Members, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(connectorId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return MemberEntityMapper.FromEntity(entity);
    }
}
