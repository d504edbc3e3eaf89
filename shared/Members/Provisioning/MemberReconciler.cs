using CoworkSync.Connectors.Seam;
using Azure;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.History;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Provisioning;

/// <summary>
/// Applies the access policy to one member: computes what their account should be, compares it with what is
/// stored and writes only the difference. An older platform state never overwrites a newer one; a concurrent
/// change to the same member re-runs the whole comparison from fresh reads.
/// </summary>
public sealed partial class MemberReconciler(
    MemberStore members,
    AccountStore accounts,
    MemberIndexer index,
    MemberHistoryStore history,
    IPasswordProtector passwords,
    TimeProvider time,
    ILogger<MemberReconciler> logger)
{
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var created = false;
        var result = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var result = await ReconcileOnceAsync(request, ct);
            created |= result.Outcome == ReconcileOutcome.Created;
            return result;
        }, time, cancellationToken);

        // An account created by an attempt that then lost a race is adopted by the next one: still a creation.
        if (created && result.Outcome != ReconcileOutcome.Stale)
            result = result with { Outcome = ReconcileOutcome.Created };
        LogReconciled(request.ConnectorId, request.Member.MemberId, result.Outcome, result.Member.Reason);
        return result;
    }

    private async Task<ReconcileResult> ReconcileOnceAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var incoming = request.Member;
        var existing = await members.GetAsync(request.ConnectorId, incoming.MemberId, cancellationToken);
        var account = existing?.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;

        // The account is found through the member row, so both checks need one.
        if (existing is not null && (existing.Platform.UpdatedAt > incoming.UpdatedAt || account?.StateVersion > incoming.UpdatedAt))
            return new ReconcileResult(ReconcileOutcome.Stale, existing, account);

        if (request.VersionIsReadTime && existing is not null && existing.Platform with { UpdatedAt = incoming.UpdatedAt } == incoming)
            incoming = existing.Platform;

        var settings = request.OperatorRequested ? request.Settings with { AutoProvision = true } : request.Settings;
        var decision = AccessPolicy.Decide(incoming, settings, request.PlanMappings, account is not null);
        var usernameNote = existing?.UsernameNote;
        ReconcileOutcome outcome;
        if (account is null && decision.MayCreateAccount)
        {
            (account, usernameNote, var isNew) = await CreateAccountAsync(request.ConnectorId, incoming, decision, request.OperatorUsername, cancellationToken);
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
        var indexKeys = MemberIndexKeys.For(incoming);
        var desired = new MemberRecord
        {
            ConnectorId = request.ConnectorId,
            Platform = incoming,
            Username = account?.Username,
            Reason = request.Gone && !decision.Enabled ? AccessReasons.MemberGone : decision.Reason,
            Flagged = decision.Flagged,
            UsernameNote = usernameNote,
            Gone = request.Gone,
            LastEventId = request.EventId ?? existing?.LastEventId,
            LastEventAt = request.EventId is null ? existing?.LastEventAt : now,
            LastSyncRunId = request.SyncRunId ?? existing?.LastSyncRunId,
            LastSyncAt = request.SyncRunId is null ? existing?.LastSyncAt : now,
            HistoryCount = existing?.HistoryCount ?? 0,
            Indexed = indexKeys,
            ETag = existing?.ETag ?? default,
        };
        var change = MemberChanges.Describe(existing, desired, outcome.ToString());
        if (change is not null)
            desired = desired with { HistoryCount = desired.HistoryCount + 1 };

        // A sync that finds nothing new leaves the row alone: a member not gone was seen by the connector's latest
        // successful sync, so a per-member stamp would only repeat the run's record.
        if (request.EventId is null && existing is not null && outcome == ReconcileOutcome.Unchanged && SameExceptSync(existing, desired))
            return new ReconcileResult(outcome, existing, account);

        // The lookup indexes first (nothing to write unless the email or a name changed, or the row predates them).
        await index.UpdateAsync(request.ConnectorId, incoming.MemberId, existing?.Indexed, indexKeys, cancellationToken);
        var saved = await members.SaveAsync(desired, cancellationToken);
        if (change is not null)
            await RecordHistoryAsync(request, new MemberHistoryEntry(saved.HistoryCount, now, request.EventId, request.SyncRunId, request.OperatorRequested, outcome.ToString(), change), cancellationToken);
        return new ReconcileResult(outcome, saved, account);
    }

    /// <summary>The member's recent changes are for people to read: one that cannot be written is logged, and the change stands.</summary>
    private async Task RecordHistoryAsync(ReconcileRequest request, MemberHistoryEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await history.AppendAsync(request.ConnectorId, request.Member.MemberId, entry, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogHistoryNotRecorded(request.ConnectorId, request.Member.MemberId, ex.Status, ex.ErrorCode);
        }
    }

    private async Task<(WifiAccount Account, string? UsernameNote, bool IsNew)> CreateAccountAsync(
        string connectorId, PlatformMember member, AccessDecision decision, string? operatorUsername, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> candidates = operatorUsername is null
            ? UsernamePolicy.Candidates(connectorId, member.Email!, member.MemberId)
            : [operatorUsername.Trim().ToLowerInvariant()];
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
                StateVersion = member.UpdatedAt,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var note = username == candidates[0] ? null : $"user name {candidates[0]} belongs to another member; this member has {username}";
            if (await accounts.TryAddAsync(account, cancellationToken) is { } added)
                return (added, note, true);

            var taken = await accounts.GetAsync(username, cancellationToken);
            if (taken is not null && taken.BelongsTo(connectorId, member.MemberId) && taken.StateVersion > member.UpdatedAt)
                return (taken, note, false); // Created meanwhile from a newer state: that one stands.
            if (taken is not null && (taken.BelongsTo(connectorId, member.MemberId) || (operatorUsername is not null && await IsOrphanAsync(taken, cancellationToken))))
            {
                // Ours from an attempt that lost a race, or an orphan an operator links: it keeps its password.
                var (adopted, _) = await UpdateAccountAsync(taken with { ConnectorId = connectorId, MemberId = member.MemberId }, member, decision, cancellationToken, force: true);
                return (adopted, note, false);
            }
        }
        throw new UsernameTakenException(connectorId, member.MemberId, candidates);
    }

    /// <summary>An account whose member no longer claims it (gone, or linked to another name since).</summary>
    private async Task<bool> IsOrphanAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var owner = await members.GetAsync(account.ConnectorId, account.MemberId, cancellationToken);
        return owner is null || owner.Gone || owner.Username != account.Username;
    }

    private async Task<(WifiAccount, ReconcileOutcome)> UpdateAccountAsync(
        WifiAccount account, PlatformMember member, AccessDecision decision, CancellationToken cancellationToken, bool force = false)
    {
        var desired = account with
        {
            Enabled = decision.Enabled,
            Groups = decision.Enabled ? decision.Groups : account.Groups,
            LocationId = member.LocationId,
            BillingCycleAnchor = member.BillingCycleAnchor,
            DisabledReason = decision.Enabled ? null : decision.Reason,
        };
        var same = SameAccess(account, desired);
        if (!force && same && account.StateVersion >= member.UpdatedAt)
            return (account, ReconcileOutcome.Unchanged);

        // Written even when access is the same, to raise the state version: a concurrent older state then loses.
        var saved = await accounts.UpdateAsync(desired with { StateVersion = member.UpdatedAt, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        var outcome = same ? ReconcileOutcome.Unchanged
            : account.Enabled == desired.Enabled ? ReconcileOutcome.Updated
            : desired.Enabled ? ReconcileOutcome.Enabled
            : ReconcileOutcome.Disabled;
        return (saved, outcome);
    }

    private static bool SameExceptSync(MemberRecord a, MemberRecord b) =>
        a with { LastSyncRunId = null, LastSyncAt = null, ETag = default } == b with { LastSyncRunId = null, LastSyncAt = null, ETag = default };

    private static bool SameAccess(WifiAccount a, WifiAccount b) =>
        a.Enabled == b.Enabled
        && a.Groups.SequenceEqual(b.Groups, StringComparer.Ordinal)
        && a.LocationId == b.LocationId
        && a.BillingCycleAnchor == b.BillingCycleAnchor
        && a.DisabledReason == b.DisabledReason;

    [LoggerMessage(EventId = 1200, EventName = "MemberReconciled", Level = LogLevel.Information, Message = "Reconciled member {MemberId} of connector {ConnectorId}: {Outcome} ({Reason})")]
    private partial void LogReconciled(string connectorId, string memberId, ReconcileOutcome outcome, string? reason);

    [LoggerMessage(EventId = 1201, EventName = "MemberHistoryNotRecorded", Level = LogLevel.Warning, Message = "The change to member {MemberId} of connector {ConnectorId} is applied, but its history entry could not be written: {Status} {ErrorCode}")]
    private partial void LogHistoryNotRecorded(string connectorId, string memberId, int status, string? errorCode);
}
