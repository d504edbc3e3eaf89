using CoworkSync.Members.Accounts;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Events;
using CoworkSync.State.CrashPoints;

namespace CoworkSync.Members.Provisioning;

/// <summary>
/// Reconciles a member and, when they have an enabled account whose welcome email was never queued, queues it:
/// the email goes through the events queue, so a failed send is retried and never blocks the account.
/// </summary>
public sealed class MemberProvisioner(MemberReconciler reconciler, MemberCreator creator, AccountStore accounts, IEventPublisher publisher, TimeProvider time, ICrashPoints crashPoints)
{
    public async Task<ReconcileResult> ProvisionAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var (result, welcomeEmailDue) = await ReconcileAsync(request, cancellationToken);
        await crashPoints.ReachedAsync(CrashPoint.AfterAccountWrite, request.EventId, cancellationToken);
        if (welcomeEmailDue)
            result = result with { Account = await QueueWelcomeEmailAsync(request.ConnectorId, result.Account!, resendId: null, cancellationToken) };
        return result;
    }

    /// <summary>
    /// Reconciles a member as <see cref="ProvisionAsync"/> does, but leaves a welcome email that is due to the caller, who
    /// queues it with others (<see cref="QueueWelcomeEmailsAsync"/>, then <see cref="MarkWelcomeEmailQueuedAsync"/>):
    /// for one input that provisions many members, such as a sync run.
    /// </summary>
    /// <returns>The result, and whether the first welcome email of its account is due.</returns>
    public async Task<(ReconcileResult Result, bool WelcomeEmailDue)> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var result = await reconciler.ReconcileAsync(request, cancellationToken);
        return (result, WelcomeEmailDue(request, result));
    }

    /// <summary>
    /// Creates members that have no row yet, many at once (<see cref="MemberCreator"/>), by the rules of
    /// <see cref="ReconcileAsync"/>, and like it leaves each welcome email that is due to the caller.
    /// </summary>
    /// <returns>For each request, in order: what creating it came to, and whether the first welcome email of its account is due.</returns>
    public async Task<IReadOnlyList<(MemberCreation Creation, bool WelcomeEmailDue)>> CreateAsync(IReadOnlyList<ReconcileRequest> requests, int parallelism, CancellationToken cancellationToken)
    {
        var creations = await creator.CreateAsync(requests, parallelism, cancellationToken);
        return [.. creations.Select(c => (c, c.Result is { } result && WelcomeEmailDue(c.Request, result)))];
    }

    private static bool WelcomeEmailDue(ReconcileRequest request, ReconcileResult result) =>
        result.Account is { Enabled: true, WelcomeEmailQueuedAt: null } && request.Settings.SendWelcomeEmail;

    /// <summary>Queues the welcome email (again, when <paramref name="resendId"/> is given) and records when.</summary>
    public async Task<WifiAccount> QueueWelcomeEmailAsync(string connectorId, WifiAccount account, string? resendId, CancellationToken cancellationToken)
    {
        var envelope = WelcomeEmailEvent.Envelope(connectorId, account.Username, account.MemberId, time.GetUtcNow(), resendId);
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
        return await MarkWelcomeEmailQueuedAsync(account, cancellationToken);
    }

    /// <summary>
    /// Queues the first welcome email of each account in one batch; the caller then records each with
    /// <see cref="MarkWelcomeEmailQueuedAsync"/>. Queueing one again is harmless: its event id is the account's.
    /// </summary>
    public Task QueueWelcomeEmailsAsync(string connectorId, IReadOnlyList<WifiAccount> welcomed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(welcomed);
        var now = time.GetUtcNow();
        return publisher.PublishBatchAsync(
            [.. welcomed.Select(account => EventPublication.First(WelcomeEmailEvent.Envelope(connectorId, account.Username, account.MemberId, now)))], cancellationToken);
    }

    /// <summary>Records that the account's welcome email is on the queue, so it is not queued again.</summary>
    public Task<WifiAccount> MarkWelcomeEmailQueuedAsync(WifiAccount account, CancellationToken cancellationToken) =>
        accounts.ChangeAsync(account, current => current with { WelcomeEmailQueuedAt = time.GetUtcNow() }, cancellationToken);
}
