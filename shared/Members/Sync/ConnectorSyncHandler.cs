using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Sync;

/// <summary>
/// A full sync of one connector: every member the platform lists is reconciled, and members it no longer lists are
/// treated as ended. The run is recorded with its counts and errors. A platform failure fails the run and goes to the
/// failure policy (a transient one is retried), before anyone is treated as gone; one member's failure (or a member
/// the platform lists but could not read, <see cref="SyncNotes.MemberUnreadable"/>) is counted and the run goes on.
/// The welcome emails of new accounts are queued in batches (<see cref="WelcomeEmailBatchSize"/>), not one by one; a
/// member whose welcome email could not be queued counts as failed, and the next run queues it again.
/// <para>
/// The connector's member rows are read first, in one partition query, so reconciling a member needs no read of its
/// row (only of its account, when it has one); members are reconciled <see cref="Parallelism"/> at a time. Members
/// the rows list and the platform does not are the ones treated as ended (one created meanwhile by a webhook is not).
/// Members with no row are created together, <see cref="NewMemberBatchSize"/> at a time (<see cref="MemberCreator"/>):
/// their rows and name entries, which share the connector's partition, are written in transactions.
/// </para>
/// </summary>
public sealed partial class ConnectorSyncHandler(
    ConnectorStore connectors,
    PlatformRegistry platforms,
    MemberProvisioner provisioner,
    MemberStore members,
    SyncRunStore runs,
    TimeProvider time,
    ILogger<ConnectorSyncHandler> logger) : IEventHandler
{
    /// <summary>How many welcome emails wait to be queued together, at most; the rest go when the members are done.</summary>
    public const int WelcomeEmailBatchSize = 100;

    /// <summary>How many members are reconciled at once.</summary>
    public const int Parallelism = 8;

    /// <summary>How many new members are created together: one transaction of their rows (<see cref="MemberCreator"/>).</summary>
    public const int NewMemberBatchSize = TableTransactions.MaxActions;

    public string EventType => SyncRequestedEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var request = envelope.Payload.Deserialize<SyncRequestedEvent>()
            ?? throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The sync event has no run id.");
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken)
            ?? throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"There is no connector '{envelope.ConnectorId}'.");
        var run = await runs.GetAsync(connector.Id, request.RunId, cancellationToken)
            ?? new SyncRun { ConnectorId = connector.Id, RunId = request.RunId, Trigger = SyncStarter.Manual, QueuedAt = envelope.OccurredAt };
        if (run.State == SyncRunState.Succeeded)
            return;

        run = run with { State = SyncRunState.Running, StartedAt = time.GetUtcNow(), EndedAt = null, Counts = new SyncCounts(), Errors = [], Notes = [] };
        var notes = new SyncNotes();
        await runs.SaveAsync(run, cancellationToken);
        try
        {
            run = await SyncAsync(connector, run, notes, cancellationToken);
            await runs.SaveAsync(run with { State = SyncRunState.Succeeded, EndedAt = time.GetUtcNow() }, cancellationToken);
            LogSynced(connector.Id, run.RunId, run.Counts.Seen, run.Counts.Failed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await runs.SaveAsync(run with { State = SyncRunState.Failed, EndedAt = time.GetUtcNow(), Errors = [.. run.Errors, .. notes.Errors, ex.Message], Notes = notes.All }, CancellationToken.None);
            if (PlatformFailures.ToEventException(ex) is { } failure)
                throw failure;
            throw;
        }
    }

    private async Task<SyncRun> SyncAsync(Connector connector, SyncRun run, SyncNotes notes, CancellationToken cancellationToken)
    {
        var platform = platforms.For(connector).Members;
        await platform.PrepareSyncAsync(connector, notes, cancellationToken);
        var progress = new SyncProgress(provisioner, this, connector.Id);
        var stored = new Dictionary<string, MemberRecord>(StringComparer.Ordinal);
        await foreach (var row in members.ListAsync(connector.Id, cancellationToken))
            stored[row.Platform.MemberId] = row;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var newMembers = new NewMemberBatches(NewMemberBatchSize);

        try
        {
            await Parallel.ForEachAsync(platform.ListMembersAsync(connector, notes, cancellationToken), parallel, async (member, ct) =>
            {
                if (!progress.See(member.MemberId))
                    return;
                var known = new StoredMember(stored.GetValueOrDefault(member.MemberId));
                var request = new ReconcileRequest(connector.Id, member, connector.Settings, connector.PlanMappings,
                    SyncRunId: run.RunId, VersionIsReadTime: platform.VersionIsReadTime, StoredMember: known);
                if (known.Record is not null)
                    await progress.ProvisionAsync(request, ct);
                else if (newMembers.Add(request) is { } batch)
                    await progress.CreateAsync(batch, ct);
            });
            if (newMembers.TakeRest() is { Count: > 0 } rest)
                await progress.CreateAsync(rest, cancellationToken);
            foreach (var unreadable in notes.UnreadableMembers)
                progress.SeeUnreadable(unreadable);
            progress.AddErrors(notes.Errors);

            var gone = stored.Values.Where(row => !row.Gone && !progress.Saw(row.Platform.MemberId)).ToList();
            await Parallel.ForEachAsync(gone, parallel, async (row, ct) =>
            {
                var ended = row.Platform with { MembershipStatus = MembershipStatus.Ended, UpdatedAt = run.StartedAt!.Value };
                progress.CountGone();
                await progress.ProvisionAsync(new ReconcileRequest(connector.Id, ended, connector.Settings, connector.PlanMappings,
                    SyncRunId: run.RunId, Gone: true, StoredMember: new StoredMember(row)), ct);
            });
        }
        catch (Exception ex) when (progress.WelcomeDue && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // The run fails, but the members it reconciled before the failure still get their welcome emails.
            await progress.QueueWelcomeEmailsAsync(cancellationToken);
            throw;
        }
        await progress.QueueWelcomeEmailsAsync(cancellationToken);
        return run with { Counts = progress.Counts, Errors = progress.Errors, Notes = notes.All };
    }

    [LoggerMessage(EventId = 810, EventName = "SyncRunEnded", Level = LogLevel.Information, Message = "Sync run {RunId} of connector {ConnectorId} saw {Seen} members; {Failed} failed")]
    private partial void LogSynced(string connectorId, string runId, int seen, int failed);

    [LoggerMessage(EventId = 811, EventName = "SyncMemberFailed", Level = LogLevel.Warning, Message = "Sync could not reconcile member {MemberId} of connector {ConnectorId}")]
    internal partial void LogMemberFailed(Exception exception, string connectorId, string memberId);
}
