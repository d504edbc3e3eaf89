using CoworkSync.Connectors.Seam;
using CoworkSync.MemberPortal.Accounts;
using CoworkSync.Members.Accounts;
using CoworkSync.Messaging.Events;
using CoworkSync.Outcomes;

namespace CoworkSync.MemberPortal.Passwords;

/// <summary>
/// A member's own WiFi password: shown when they ask for it, and changed when they ask to. A change takes a new random
/// password from the same generator and encryption as a new account, written with the account's ETag (a concurrent
/// change by provisioning is re-read, never lost), so RADIUS authorize reads it from the next request on; then the
/// notice email is queued and the change recorded for the audit log.
/// </summary>
public sealed class PortalPasswords(
    OwnAccounts own, AccountStore accounts, IPasswordProtector passwords, IEventPublisher publisher, IMemberPortalAudit audit, TimeProvider time)
{
    /// <summary>The member's password in clear, for the page that asked; never stored or logged.</summary>
    public async Task<Outcome<string>> RevealAsync(IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, CancellationToken cancellationToken)
    {
        var (account, refused) = await EnabledAccountAsync(proven, connectorId, memberId, cancellationToken);
        return refused ?? Outcome<string>.Done(await passwords.UnprotectAsync(account!.ProtectedPassword, account.Username, cancellationToken));
    }

    /// <summary>Gives the account a new random password and returns it (in clear, for the page that asked).</summary>
    /// <param name="proven">The members the session proved to be.</param>
    /// <param name="connectorId">The account's connector, from the form.</param>
    /// <param name="memberId">The account's member, from the form.</param>
    /// <param name="actor">Who asks, as the session knows them, for the audit log.</param>
    /// <param name="cancellationToken">Cancels before the write; after it, the notice and audit entry still follow.</param>
    public async Task<Outcome<string>> ChangeAsync(IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, string actor, CancellationToken cancellationToken)
    {
        var (account, refused) = await EnabledAccountAsync(proven, connectorId, memberId, cancellationToken);
        if (refused is not null)
            return refused;
        var password = WifiPasswordGenerator.Generate();
        var protectedPassword = await passwords.ProtectAsync(password, account!.Username, cancellationToken);
        var now = time.GetUtcNow();
        // Written with the account's ETag, re-read on a conflict; whatever caches the account on this instance learns of
        // it from this write (AccountStore's writes are where an authorize cache is invalidated).
        var changed = await accounts.ChangeAsync(account, current => current with { ProtectedPassword = protectedPassword, UpdatedAt = now }, cancellationToken);

        var envelope = PasswordChangedEvent.Envelope(changed.ConnectorId, changed.Username, changed.MemberId, now);
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);
        await audit.RecordAsync(new MemberPortalAuditEntry(MemberPortalAuditEntry.PasswordChanged, new ProvenMember(changed.ConnectorId, changed.MemberId),
            changed.Username, actor, now), CancellationToken.None);
        return Outcome<string>.Done(password);
    }

    private async Task<(WifiAccount? Account, Outcome<string>? Refused)> EnabledAccountAsync(
        IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, CancellationToken cancellationToken)
    {
        var found = await own.FindAsync(proven, connectorId, memberId, cancellationToken);
        if (found is null)
            return (null, Outcome<string>.NotFound(OwnAccounts.NotYours));
        if (found.Account is not { } account)
            return (null, Outcome<string>.Conflict("You have no WiFi account here, so there is no password."));
        if (!account.Enabled)
            return (null, Outcome<string>.Conflict("Your WiFi access is off: " + AccountStateText.Why(account.DisabledReason ?? Members.Records.AccessReasons.MemberInactive) + " Your password is shown again when it is back on."));
        return (account, null);
    }
}
