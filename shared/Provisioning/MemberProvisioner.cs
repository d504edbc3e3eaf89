using CoworkSync.Email;
using CoworkSync.Events;

namespace CoworkSync.Provisioning;

/// <summary>
/// Reconciles a member and, when they have an enabled account whose welcome email was never queued, queues it:
/// the email goes through the events queue, so a failed send is retried and never blocks the account.
/// </summary>
public sealed class MemberProvisioner(MemberReconciler reconciler, AccountStore accounts, IEventPublisher publisher, TimeProvider time)
{
    public async Task<ReconcileResult> ProvisionAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var result = await reconciler.ReconcileAsync(request, cancellationToken);
        if (result.Account is { Enabled: true, WelcomeEmailQueuedAt: null } account && request.Settings.SendWelcomeEmail)
            result = result with { Account = await QueueWelcomeEmailAsync(request.ConnectorId, account, resendId: null, cancellationToken) };
        return result;
    }

    /// <summary>Queues the welcome email (again, when <paramref name="resendId"/> is given) and records when.</summary>
    public async Task<WifiAccount> QueueWelcomeEmailAsync(string connectorId, WifiAccount account, string? resendId, CancellationToken cancellationToken)
    {
        var envelope = WelcomeEmailEvent.Envelope(connectorId, account.Username, account.MemberId, time.GetUtcNow(), resendId);
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
        return await accounts.ChangeAsync(account, current => current with { WelcomeEmailQueuedAt = time.GetUtcNow() }, cancellationToken);
    }
}
