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
        var attempt = 0;
        var result = await OptimisticConcurrency.RunAsync(async ct =>
        {
            // The caller's copy of the member row saves a read on the first attempt only: a race makes the next one read.
            var known = attempt++ == 0 ? request.StoredMember : null;
            var result = await ReconcileOnceAsync(request, known, ct);
            created |= result.Outcome == ReconcileOutcome.Created;
            return result;
        }, time, cancellationToken);

        // An account created by an attempt that then lost a race is adopted by the next one: still a creation.
        if (created && result.Outcome != ReconcileOutcome.Stale)
            result = result with { Outcome = ReconcileOutcome.Created };
        // What changed is worth a line; a member found as they were (a sync's thousands) is not, above Debug.
        var level = result.Outcome is ReconcileOutcome.Unchanged or ReconcileOutcome.Stale or ReconcileOutcome.Skipped ? LogLevel.Debug : LogLevel.Information;
        LogReconciled(level, request.ConnectorId, request.Member.MemberId, result.Outcome, result.Member.Reason);
        return result;
    }

    private async Task<ReconcileResult> ReconcileOnceAsync(ReconcileRequest request, StoredMember? known, CancellationToken cancellationToken)
    {
        var incoming = request.Member;
        var existing = known is not null ? known.Record : await members.GetAsync(request.ConnectorId, incoming.MemberId, cancellationToken);
        var account = existing?.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;

        // The account is found through the member row, so both checks need one.
        if (existing is not null && (existing.Platform.UpdatedAt > incoming.UpdatedAt || account?.StateVersion > incoming.UpdatedAt))
            return new ReconcileResult(ReconcileOutcome.Stale, existing, account);

        if (request.VersionIsReadTime && existing is not null && existing.Platform with { UpdatedAt = incoming.UpdatedAt } == incoming)
            incoming = existing.Platform;

        var plan = await PlanAsync(request, incoming, existing, account, cancellationToken);
        account = plan.Account;

        // The member row goes first: it carries the state's version, so of two states reconciled at once the older one
        // loses the race on the row (412) before it can write the account, and finds itself stale on its next attempt.
        MemberRecord member;
        if (existing is not null && plan.Change is null && plan.Outcome is (ReconcileOutcome.Unchanged or ReconcileOutcome.Skipped) && plan.AccountChange is null && Unchanged(existing, plan.Desired, request))
        {
            member = existing;
        }
        else
        {
            // The lookup indexes first (nothing to write unless the email or a name changed, or the row predates them).
            await index.UpdateAsync(request.ConnectorId, incoming.MemberId, existing?.Indexed, plan.IndexKeys, cancellationToken);
            member = await members.SaveAsync(plan.Desired, cancellationToken);
        }
        if (plan.AccountChange is { } accountChange)
            account = await accounts.UpdateAsync(accountChange with { StateVersion = Later(account!.StateVersion, incoming.UpdatedAt), UpdatedAt = plan.At }, cancellationToken);
        await RecordHistoryAsync(request, plan, member, cancellationToken);
        if (plan.AccountChange is not null)
        {
            // A newer state reconciled between this row write and this account write, finding the account's access as it
            // wanted it, left the account alone: this write has just put an older state's access over it. The row tells:
            // reconcile the state it carries (which writes the account back, conditional on its ETag).
            var latest = await members.GetAsync(request.ConnectorId, incoming.MemberId, cancellationToken);
            if (latest is not null && latest.Platform.UpdatedAt > incoming.UpdatedAt)
            {
                var newer = new ReconcileRequest(request.ConnectorId, latest.Platform, request.Settings, request.PlanMappings,
                    latest.LastEventId, latest.LastSyncRunId, latest.Gone);
                return await ReconcileOnceAsync(newer, new StoredMember(latest), cancellationToken);
            }
        }
        return new ReconcileResult(plan.Outcome, member, account);
    }

    /// <summary>
    /// What reconciling the member wants stored, from what is stored (<paramref name="existing"/> row and
    /// <paramref name="account"/>; null for a new member): the decision, the account created when one is due (the only
    /// write here), the member row to store and the change for the history. Both paths share it: the one-member path
    /// here, and <see cref="MemberCreator"/> for many new members at once.
    /// </summary>
    private async Task<ReconcilePlan> PlanAsync(ReconcileRequest request, PlatformMember incoming, MemberRecord? existing, WifiAccount? account, CancellationToken cancellationToken)
    {
        var settings = request.OperatorRequested ? request.Settings with { AutoProvision = true } : request.Settings;
        var decision = AccessPolicy.Decide(incoming, settings, request.PlanMappings, account is not null);
        var usernameNote = existing?.UsernameNote;
        ReconcileOutcome outcome;
        WifiAccount? accountChange = null;
        if (account is null && decision.MayCreateAccount)
        {
            (account, usernameNote, var isNew) = await CreateAccountAsync(request.ConnectorId, incoming, decision, request.OperatorUsername, cancellationToken);
            outcome = isNew ? ReconcileOutcome.Created : ReconcileOutcome.Updated;
        }
        else if (account is not null)
        {
            (accountChange, outcome) = AccountChange(account, incoming, decision);
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
        return new ReconcilePlan(outcome, account, accountChange, desired, indexKeys, change, now);
    }

    /// <summary>
    /// The plan for a member with no row (a sync's new member), as <see cref="ReconcileAsync"/> makes it: the account is
    /// created here when one is due, or adopted when it exists already (a run that crashed before the row).
    /// </summary>
    internal Task<ReconcilePlan> PlanNewMemberAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
        PlanAsync(request, request.Member, existing: null, account: null, cancellationToken);

    /// <summary>The member's recent changes are for people to read: one that cannot be written is logged, and the change stands.</summary>
    private async Task RecordHistoryAsync(ReconcileRequest request, ReconcilePlan plan, MemberRecord member, CancellationToken cancellationToken)
    {
        if (HistoryEntry(request, plan, member) is not { } entry)
            return;
        try
        {
            await history.AppendAsync(request.ConnectorId, request.Member.MemberId, entry, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogHistoryNotRecorded(request.ConnectorId, request.Member.MemberId, ex.Status, ex.ErrorCode);
        }
    }

    /// <summary>
    /// The history entries of several members of one connector (a sync's new members), written together
    /// (<see cref="MemberHistoryStore.AppendAllAsync"/>); like one member's, entries that cannot be written are logged and
    /// the changes stand.
    /// </summary>
    internal async Task RecordHistoriesAsync(string connectorId, IReadOnlyList<(ReconcileRequest Request, ReconcilePlan Plan, MemberRecord Member)> changes, CancellationToken cancellationToken)
    {
        var entries = changes
            .Select(c => (c.Request.Member.MemberId, Entry: HistoryEntry(c.Request, c.Plan, c.Member)))
            .Where(e => e.Entry is not null)
            .Select(e => (e.MemberId, e.Entry!))
            .ToList();
        foreach (var transaction in entries.Chunk(TableTransactions.MaxActions))
        {
            try
            {
                await history.AppendAllAsync(connectorId, transaction, cancellationToken);
            }
            catch (RequestFailedException ex)
            {
                // A transaction stores all its entries or none: each member of it is told, as one write's failure would be.
                foreach (var (memberId, _) in transaction)
                    LogHistoryNotRecorded(connectorId, memberId, ex.Status, ex.ErrorCode);
            }
        }
    }

    private static MemberHistoryEntry? HistoryEntry(ReconcileRequest request, ReconcilePlan plan, MemberRecord member) =>
        plan.Change is null
            ? null
            : new MemberHistoryEntry(member.HistoryCount, plan.At, request.EventId, request.SyncRunId, request.OperatorRequested, plan.Outcome.ToString(), plan.Change);

    /// <summary>
    /// Whether the member row can stay as it is. A sync that finds nothing new leaves it alone: a member not gone was seen
    /// by the connector's latest successful sync, so a per-member stamp would only repeat the run's record. An event
    /// leaves it alone only when it carries exactly the stored state, version included (a repeat): a newer version is
    /// written even when nothing else changed, because the version is what makes a state that is older, but arrives
    /// later, lose (an older state that differs would otherwise win over a newer one equal to the stored state).
    /// </summary>
    private static bool Unchanged(MemberRecord existing, MemberRecord desired, ReconcileRequest request) =>
        request.EventId is null
            ? SameExceptSync(existing, desired)
            : existing.Platform == desired.Platform && SameExceptBookkeeping(existing, desired);

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
                return (await AdoptAsync(taken with { ConnectorId = connectorId, MemberId = member.MemberId }, member, decision, cancellationToken), note, false);
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

    /// <summary>
    /// The account as the decision wants it, or null when its access is already that: the version alone is not written
    /// to the account (the member row carries it).
    /// </summary>
    private static (WifiAccount? Change, ReconcileOutcome Outcome) AccountChange(WifiAccount account, PlatformMember member, AccessDecision decision)
    {
        var desired = Desired(account, member, decision);
        if (SameAccess(account, desired))
            return (null, ReconcileOutcome.Unchanged);
        var outcome = account.Enabled == desired.Enabled ? ReconcileOutcome.Updated
            : desired.Enabled ? ReconcileOutcome.Enabled
            : ReconcileOutcome.Disabled;
        return (desired, outcome);
    }

    /// <summary>Writes the account as the decision wants it, whatever it held (an account adopted by its member).</summary>
    private async Task<WifiAccount> AdoptAsync(WifiAccount account, PlatformMember member, AccessDecision decision, CancellationToken cancellationToken) =>
        await accounts.UpdateAsync(Desired(account, member, decision) with { StateVersion = Later(account.StateVersion, member.UpdatedAt), UpdatedAt = time.GetUtcNow() }, cancellationToken);

    private static WifiAccount Desired(WifiAccount account, PlatformMember member, AccessDecision decision) => account with
    {
        Enabled = decision.Enabled,
        Groups = decision.Enabled ? decision.Groups : account.Groups,
        LocationId = member.LocationId,
        BillingCycleAnchor = member.BillingCycleAnchor,
        DisabledReason = decision.Enabled ? null : decision.Reason,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static bool SameExceptBookkeeping(MemberRecord a, MemberRecord b) =>
        a with { LastEventId = null, LastEventAt = null, LastSyncRunId = null, LastSyncAt = null, ETag = default }
        == b with { LastEventId = null, LastEventAt = null, LastSyncRunId = null, LastSyncAt = null, ETag = default };

    private static bool SameExceptSync(MemberRecord a, MemberRecord b) =>
        a with { LastSyncRunId = null, LastSyncAt = null, ETag = default } == b with { LastSyncRunId = null, LastSyncAt = null, ETag = default };

    private static bool SameAccess(WifiAccount a, WifiAccount b) =>
        a.Enabled == b.Enabled
        && a.Groups.SequenceEqual(b.Groups, StringComparer.Ordinal)
        && a.LocationId == b.LocationId
        && a.BillingCycleAnchor == b.BillingCycleAnchor
        && a.DisabledReason == b.DisabledReason;

    [LoggerMessage(EventId = 1200, EventName = "MemberReconciled", Message = "Reconciled member {MemberId} of connector {ConnectorId}: {Outcome} ({Reason})")]
    internal partial void LogReconciled(LogLevel level, string connectorId, string memberId, ReconcileOutcome outcome, string? reason);

    [LoggerMessage(EventId = 1201, EventName = "MemberHistoryNotRecorded", Level = LogLevel.Warning, Message = "The change to member {MemberId} of connector {ConnectorId} is applied, but its history entry could not be written: {Status} {ErrorCode}")]
    private partial void LogHistoryNotRecorded(string connectorId, string memberId, int status, string? errorCode);
}
