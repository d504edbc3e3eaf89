using CoworkSync.Accounts;
using CoworkSync.Storage;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Provisioning;

/// <summary>
/// Applies the access policy to one member: computes what their account should be, compares it with what is
/// stored and writes only the difference. An older platform state never overwrites a newer one; a concurrent
/// change to the same member re-runs the whole comparison from fresh reads.
/// </summary>
public sealed partial class MemberReconciler(
    MemberStore members, AccountStore accounts, IPasswordProtector passwords, TimeProvider time, ILogger<MemberReconciler> logger)
{
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var created = false;
        var result = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var (outcome, member, account) = await ReconcileOnceAsync(request, ct);
            created |= outcome == ReconcileOutcome.Created;
            return new ReconcileResult(outcome, member, account);
        }, cancellationToken);

        // An account created by an attempt that then lost a race is adopted by the next one: still a creation.
        if (created && result.Outcome != ReconcileOutcome.Stale)
            result = result with { Outcome = ReconcileOutcome.Created };
        LogReconciled(request.ConnectorId, request.Member.MemberId, result.Outcome, result.Member.Reason);
        return result;
    }

    private async Task<(ReconcileOutcome, MemberRecord, WifiAccount?)> ReconcileOnceAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var incoming = request.Member;
        var existing = await members.GetAsync(request.ConnectorId, incoming.MemberId, cancellationToken);
        var account = existing?.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;

        if (existing is not null && existing.Platform.UpdatedAt > incoming.UpdatedAt)
            return (ReconcileOutcome.Stale, existing, account);

        var decision = AccessPolicy.Decide(incoming, request.Settings, request.PlanMappings, account is not null);
        var usernameNote = existing?.UsernameNote;
        ReconcileOutcome outcome;
        if (account is null && decision.MayCreateAccount)
        {
            (account, usernameNote, var isNew) = await CreateAccountAsync(request.ConnectorId, incoming, decision, cancellationToken);
            outcome = isNew ? ReconcileOutcome.Created : ReconcileOutcome.Updated;
        }
        else if (account is not null)
        {
            (account, outcome) = await UpdateAccountAsync(account, incoming, decision, cancellationToken);
        }
        else
        {
            outcome = ReconcileOutcome.Skipped;
        }

        var now = time.GetUtcNow();
        var record = await members.SaveAsync(new MemberRecord
        {
            ConnectorId = request.ConnectorId,
            Platform = incoming,
            Username = account?.Username,
            Reason = decision.Reason,
            Flagged = decision.Flagged,
            UsernameNote = usernameNote,
            Gone = false,
            LastEventId = request.EventId ?? existing?.LastEventId,
            LastEventAt = request.EventId is null ? existing?.LastEventAt : now,
            LastSyncRunId = request.SyncRunId ?? existing?.LastSyncRunId,
            LastSyncAt = request.SyncRunId is null ? existing?.LastSyncAt : now,
            ETag = existing?.ETag ?? default,
        }, cancellationToken);
        return (outcome, record, account);
    }

    private async Task<(WifiAccount Account, string? UsernameNote, bool IsNew)> CreateAccountAsync(
        string connectorId, PlatformMember member, AccessDecision decision, CancellationToken cancellationToken)
    {
        var candidates = UsernamePolicy.Candidates(connectorId, member.Email!, member.MemberId);
        var now = time.GetUtcNow();
        foreach (var username in candidates)
        {
            var password = WifiPasswordGenerator.Generate();
            var account = new WifiAccount
            {
                Username = username,
                ConnectorId = connectorId,
                MemberId = member.MemberId,
                ProtectedPassword = await passwords.ProtectAsync(password, username, cancellationToken),
                Enabled = decision.Enabled,
                Groups = decision.Groups,
                LocationId = member.LocationId,
                BillingCycleAnchor = member.BillingCycleAnchor,
                DisabledReason = decision.Enabled ? null : decision.Reason,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var note = username == candidates[0] ? null : $"user name {candidates[0]} belongs to another member; this member has {username}";
            if (await accounts.TryAddAsync(account, cancellationToken) is { } added)
                return (added, note, true);

            var taken = await accounts.GetAsync(username, cancellationToken);
            if (taken is not null && taken.BelongsTo(connectorId, member.MemberId))
            {
                var (adopted, _) = await UpdateAccountAsync(taken, member, decision, cancellationToken);
                return (adopted, note, false);
            }
        }
        throw new InvalidOperationException(
            $"Every user name for member {member.MemberId} of connector {connectorId} belongs to another member: {string.Join(", ", candidates)}.");
    }

    private async Task<(WifiAccount, ReconcileOutcome)> UpdateAccountAsync(WifiAccount account, PlatformMember member, AccessDecision decision, CancellationToken cancellationToken)
    {
        var desired = account with
        {
            Enabled = decision.Enabled,
            Groups = decision.Enabled ? decision.Groups : account.Groups,
            LocationId = member.LocationId,
            BillingCycleAnchor = member.BillingCycleAnchor,
            DisabledReason = decision.Enabled ? null : decision.Reason,
        };
        if (SameAccess(account, desired))
            return (account, ReconcileOutcome.Unchanged);

        var saved = await accounts.UpdateAsync(desired with { UpdatedAt = time.GetUtcNow() }, cancellationToken);
        var outcome = account.Enabled == desired.Enabled ? ReconcileOutcome.Updated
            : desired.Enabled ? ReconcileOutcome.Enabled
            : ReconcileOutcome.Disabled;
        return (saved, outcome);
    }

    private static bool SameAccess(WifiAccount a, WifiAccount b) =>
        a.Enabled == b.Enabled
        && a.Groups.SequenceEqual(b.Groups, StringComparer.Ordinal)
        && a.LocationId == b.LocationId
        && a.BillingCycleAnchor == b.BillingCycleAnchor
        && a.DisabledReason == b.DisabledReason;

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Reconciled member {MemberId} of connector {ConnectorId}: {Outcome} ({Reason})")]
    private partial void LogReconciled(string connectorId, string memberId, ReconcileOutcome outcome, string? reason);
}
