using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Sync;

/// <summary>
/// A full sync of one connector: every member the platform lists is reconciled, and members it no longer lists are
/// treated as ended. The run is recorded with its counts and errors. A platform failure fails the run and goes to the
/// failure policy (a transient one is retried), before anyone is treated as gone; one member's failure (or a member
/// the platform lists but could not read, <see cref="SyncNotes.MemberUnreadable"/>) is counted and the run goes on.
/// The welcome emails of new accounts are queued in batches (<see cref="WelcomeEmailBatchSize"/>), not one by one; a
/// member whose welcome email could not be queued counts as failed, and the next run queues it again.
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
        var counts = new SyncCounts();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var welcome = new List<ReconcileResult>();

        try
        {
            await foreach (var member in platform.ListMembersAsync(connector, notes, cancellationToken))
            {
                if (!seen.Add(member.MemberId))
                    continue;
                counts = counts with { Seen = counts.Seen + 1 };
                counts = await ProvisionAsync(new ReconcileRequest(connector.Id, member, connector.Settings, connector.PlanMappings, SyncRunId: run.RunId, VersionIsReadTime: platform.VersionIsReadTime), counts, errors, welcome, cancellationToken);
                if (welcome.Count >= WelcomeEmailBatchSize)
                    counts = await QueueWelcomeEmailsAsync(connector.Id, welcome, counts, errors, cancellationToken);
            }
            foreach (var unreadable in notes.UnreadableMembers)
            {
                if (seen.Add(unreadable))
                    counts = counts with { Seen = counts.Seen + 1, Failed = counts.Failed + 1 };
            }
            errors.AddRange(notes.Errors);

            await foreach (var stored in members.ListAsync(connector.Id, cancellationToken))
            {
                if (seen.Contains(stored.Platform.MemberId) || stored.Gone)
                    continue;
                var ended = stored.Platform with { MembershipStatus = MembershipStatus.Ended, UpdatedAt = run.StartedAt!.Value };
                counts = counts with { Gone = counts.Gone + 1 };
                counts = await ProvisionAsync(new ReconcileRequest(connector.Id, ended, connector.Settings, connector.PlanMappings, SyncRunId: run.RunId, Gone: true), counts, errors, welcome, cancellationToken);
            }
        }
        catch (Exception ex) when (welcome.Count > 0 && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // The run fails, but the members it reconciled before the failure still get their welcome emails.
            await QueueWelcomeEmailsAsync(connector.Id, welcome, counts, errors, cancellationToken);
            throw;
        }
        counts = await QueueWelcomeEmailsAsync(connector.Id, welcome, counts, errors, cancellationToken);

        return run with { Counts = counts, Errors = errors, Notes = notes.All };
    }

    /// <summary>Reconciles one member; a member whose welcome email is due joins <paramref name="welcome"/>, counted once it is queued.</summary>
    private async Task<SyncCounts> ProvisionAsync(ReconcileRequest request, SyncCounts counts, List<string> errors, List<ReconcileResult> welcome, CancellationToken cancellationToken)
    {
        try
        {
            var (result, welcomeEmailDue) = await provisioner.ReconcileAsync(request, cancellationToken);
            if (!welcomeEmailDue)
                return counts.Add(result);
            welcome.Add(result);
            return counts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(counts, errors, ex, request.ConnectorId, request.Member.MemberId);
        }
    }

    /// <summary>
    /// Queues the due welcome emails in one batch, records each on its account and counts its member; when the batch
    /// fails, each of its members counts as failed (the next run queues their emails again).
    /// </summary>
    private async Task<SyncCounts> QueueWelcomeEmailsAsync(string connectorId, List<ReconcileResult> welcome, SyncCounts counts, List<string> errors, CancellationToken cancellationToken)
    {
        if (welcome.Count == 0)
            return counts;
        var due = welcome.ToList();
        welcome.Clear();
        try
        {
            await provisioner.QueueWelcomeEmailsAsync(connectorId, [.. due.Select(result => result.Account!)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var result in due)
                counts = Failed(counts, errors, ex, connectorId, result.Account!.MemberId);
            return counts;
        }
        foreach (var result in due)
        {
            try
            {
                counts = counts.Add(result with { Account = await provisioner.MarkWelcomeEmailQueuedAsync(result.Account!, cancellationToken) });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                counts = Failed(counts, errors, ex, connectorId, result.Account!.MemberId);
            }
        }
        return counts;
    }

    private SyncCounts Failed(SyncCounts counts, List<string> errors, Exception exception, string connectorId, string memberId)
    {
        // The member is tried again by the next run; the run itself goes on.
        LogMemberFailed(exception, connectorId, memberId);
        errors.Add($"member {memberId}: {exception.Message}");
        return counts with { Failed = counts.Failed + 1 };
    }

    [LoggerMessage(EventId = 810, EventName = "SyncRunEnded", Level = LogLevel.Information, Message = "Sync run {RunId} of connector {ConnectorId} saw {Seen} members; {Failed} failed")]
    private partial void LogSynced(string connectorId, string runId, int seen, int failed);

    [LoggerMessage(EventId = 811, EventName = "SyncMemberFailed", Level = LogLevel.Warning, Message = "Sync could not reconcile member {MemberId} of connector {ConnectorId}")]
    private partial void LogMemberFailed(Exception exception, string connectorId, string memberId);
}
