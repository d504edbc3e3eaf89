using Azure;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Provisioning;

/// <summary>
/// Creates many members that have no row yet (a sync's new members) by the reconciler's own rules: each member's
/// decision, account (created, or adopted when a crashed run left it behind) and row come from
/// <see cref="MemberReconciler"/>, and are stored in the order one reconcile stores them: the account, the index entries,
/// the row, the history entry. Only the writing differs: what shares the connector's partition goes in transactions of up
/// to <see cref="TableTransactions.MaxActions"/> (the name entries, then the member rows as inserts, then the history
/// entries), while the accounts and email entries, each in a partition of its own, are written one by one,
/// <c>parallelism</c> at a time.
/// <para>
/// A transaction of member rows that fails stores none of them (409: a webhook created one of its members since the
/// caller read the rows). Its members are then reconciled one by one (<see cref="MemberReconciler.ReconcileAsync"/>),
/// which reads each row and adopts the account created here as the member's own.
/// </para>
/// </summary>
public sealed partial class MemberCreator(MemberReconciler reconciler, MemberStore members, MemberIndexer index, ILogger<MemberCreator> logger)
{
    /// <summary>Creates the members, <see cref="TableTransactions.MaxActions"/> at a time; one that fails does not stop the others.</summary>
    /// <param name="requests">Members of one connector the caller found no row for.</param>
    /// <param name="parallelism">How many single writes (accounts, email entries) run at once.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>One creation for each request, in their order.</returns>
    public async Task<IReadOnlyList<MemberCreation>> CreateAsync(IReadOnlyList<ReconcileRequest> requests, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Any(r => r.ConnectorId != requests[0].ConnectorId))
            throw new ArgumentException("The members to create together must belong to one connector.", nameof(requests));
        var created = new List<MemberCreation>(requests.Count);
        foreach (var batch in requests.Chunk(TableTransactions.MaxActions))
            created.AddRange(await CreateBatchAsync(batch, parallelism, cancellationToken));
        return created;
    }

    private async Task<MemberCreation[]> CreateBatchAsync(ReconcileRequest[] batch, int parallelism, CancellationToken cancellationToken)
    {
        var connectorId = batch[0].ConnectorId;
        var creations = new MemberCreation[batch.Length];
        var plans = new ReconcilePlan?[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length), parallel, async (i, ct) =>
        {
            try
            {
                plans[i] = await reconciler.PlanNewMemberAsync(batch[i], ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                creations[i] = new MemberCreation(batch[i], null, ex);
            }
        });
        var planned = Enumerable.Range(0, batch.Length).Where(i => plans[i] is not null).ToList();
        if (planned.Count == 0)
            return creations;

        IReadOnlyList<MemberRecord> stored;
        try
        {
            await index.AddNewAsync(connectorId, [.. planned.Select(i => (batch[i].Member.MemberId, plans[i]!.IndexKeys))], parallelism, cancellationToken);
            stored = await members.AddAllAsync([.. planned.Select(i => plans[i]!.Desired)], cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogReconcilingOneByOne(connectorId, planned.Count, ex.Status, ex.ErrorCode);
            await Parallel.ForEachAsync(planned, parallel, async (i, ct) => creations[i] = await ReconcileAloneAsync(batch[i], plans[i]!, ct));
            return creations;
        }

        var written = planned.Select((i, n) => (Request: batch[i], Plan: plans[i]!, Member: stored[n])).ToList();
        await reconciler.RecordHistoriesAsync(connectorId, written, cancellationToken);
        for (var n = 0; n < planned.Count; n++)
        {
            var (request, plan, member) = written[n];
            reconciler.LogReconciled(LogLevel.Debug, connectorId, request.Member.MemberId, plan.Outcome, member.Reason);
            creations[planned[n]] = new MemberCreation(request, new ReconcileResult(plan.Outcome, member, plan.Account), null);
        }
        LogCreated(connectorId, planned.Count);
        return creations;
    }

    /// <summary>One member of a batch that could not be stored, by the one-member path; an account created for them here is still a creation.</summary>
    private async Task<MemberCreation> ReconcileAloneAsync(ReconcileRequest request, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        try
        {
            var result = await reconciler.ReconcileAsync(request with { StoredMember = null }, cancellationToken);
            if (plan.Outcome == ReconcileOutcome.Created && result.Outcome != ReconcileOutcome.Stale)
                result = result with { Outcome = ReconcileOutcome.Created };
            return new MemberCreation(request, result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new MemberCreation(request, null, ex);
        }
    }

    [LoggerMessage(EventId = 1202, EventName = "MembersCreatedTogether", Level = LogLevel.Information, Message = "Created {Count} new members of connector {ConnectorId} together")]
    private partial void LogCreated(string connectorId, int count);

    [LoggerMessage(EventId = 1203, EventName = "MembersReconciledOneByOne", Level = LogLevel.Warning, Message = "The rows of {Count} new members of connector {ConnectorId} could not be stored together ({Status} {ErrorCode}); reconciling them one by one")]
    private partial void LogReconcilingOneByOne(string connectorId, int count, int status, string? errorCode);
}
