using CoworkSync.Members.Provisioning;

namespace CoworkSync.Members.Sync;

/// <summary>
/// A sync run's counts, errors and due welcome emails, shared by the members it reconciles at once. The welcome emails
/// of new accounts are queued in batches of <see cref="ConnectorSyncHandler.WelcomeEmailBatchSize"/>.
/// </summary>
internal sealed class SyncProgress(MemberProvisioner provisioner, ConnectorSyncHandler handler, string connectorId)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly List<ReconcileResult> _welcome = [];
    private readonly SemaphoreSlim _queueing = new(1, 1);
    private SyncCounts _counts = new();

    public SyncCounts Counts
    {
        get
        {
            lock (_lock)
                return _counts;
        }
    }

    public List<string> Errors
    {
        get
        {
            lock (_lock)
                return [.. _errors];
        }
    }

    public bool WelcomeDue
    {
        get
        {
            lock (_lock)
                return _welcome.Count > 0;
        }
    }

    /// <summary>Counts a member the platform listed; false when it listed them already.</summary>
    public bool See(string memberId)
    {
        lock (_lock)
        {
            if (!_seen.Add(memberId))
                return false;
            _counts = _counts with { Seen = _counts.Seen + 1 };
            return true;
        }
    }

    public bool Saw(string memberId)
    {
        lock (_lock)
            return _seen.Contains(memberId);
    }

    /// <summary>A member the platform lists but could not read: seen, and failed (kept, never treated as gone).</summary>
    public void SeeUnreadable(string memberId)
    {
        lock (_lock)
        {
            if (_seen.Add(memberId))
                _counts = _counts with { Seen = _counts.Seen + 1, Failed = _counts.Failed + 1 };
        }
    }

    public void CountGone()
    {
        lock (_lock)
            _counts = _counts with { Gone = _counts.Gone + 1 };
    }

    public void AddErrors(IEnumerable<string> errors)
    {
        lock (_lock)
            _errors.AddRange(errors);
    }

    /// <summary>Reconciles one member; a member whose welcome email is due waits for the next batch, counted once it is queued.</summary>
    public async Task ProvisionAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        bool batchFull;
        try
        {
            var (result, welcomeEmailDue) = await provisioner.ReconcileAsync(request, cancellationToken);
            batchFull = Record(result, welcomeEmailDue);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed(ex, request.Member.MemberId);
            return;
        }
        if (batchFull)
            await QueueWelcomeEmailsAsync(cancellationToken);
    }

    /// <summary>Creates members the connector has no row for, together (<see cref="MemberProvisioner.CreateAsync"/>), counted as <see cref="ProvisionAsync"/> counts them.</summary>
    public async Task CreateAsync(IReadOnlyList<ReconcileRequest> requests, CancellationToken cancellationToken)
    {
        var batchFull = false;
        try
        {
            foreach (var (creation, welcomeEmailDue) in await provisioner.CreateAsync(requests, ConnectorSyncHandler.Parallelism, cancellationToken))
            {
                if (creation.Result is { } result)
                    batchFull |= Record(result, welcomeEmailDue);
                else
                    Failed(creation.Error!, creation.Request.Member.MemberId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var request in requests)
                Failed(ex, request.Member.MemberId);
            return;
        }
        if (batchFull)
            await QueueWelcomeEmailsAsync(cancellationToken);
    }

    /// <returns>Whether the welcome emails waiting make a full batch.</returns>
    private bool Record(ReconcileResult result, bool welcomeEmailDue)
    {
        lock (_lock)
        {
            if (!welcomeEmailDue)
            {
                _counts = _counts.Add(result);
                return false;
            }
            _welcome.Add(result);
            return _welcome.Count >= ConnectorSyncHandler.WelcomeEmailBatchSize;
        }
    }

    /// <summary>
    /// Queues the due welcome emails in one batch, records each on its account and counts its member; when the batch
    /// fails, each of its members counts as failed (the next run queues their emails again).
    /// </summary>
    public async Task QueueWelcomeEmailsAsync(CancellationToken cancellationToken)
    {
        await _queueing.WaitAsync(cancellationToken);
        try
        {
            List<ReconcileResult> due;
            lock (_lock)
            {
                due = [.. _welcome];
                _welcome.Clear();
            }
            if (due.Count == 0)
                return;
            try
            {
                await provisioner.QueueWelcomeEmailsAsync(connectorId, [.. due.Select(result => result.Account!)], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                foreach (var result in due)
                    Failed(ex, result.Account!.MemberId);
                return;
            }
            foreach (var result in due)
            {
                try
                {
                    var marked = result with { Account = await provisioner.MarkWelcomeEmailQueuedAsync(result.Account!, cancellationToken) };
                    lock (_lock)
                        _counts = _counts.Add(marked);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Failed(ex, result.Account!.MemberId);
                }
            }
        }
        finally
        {
            _queueing.Release();
        }
    }

    private void Failed(Exception exception, string memberId)
    {
        // The member is tried again by the next run; the run itself goes on.
        handler.LogMemberFailed(exception, connectorId, memberId);
        lock (_lock)
        {
            _errors.Add($"member {memberId}: {exception.Message}");
            _counts = _counts with { Failed = _counts.Failed + 1 };
        }
    }
}
