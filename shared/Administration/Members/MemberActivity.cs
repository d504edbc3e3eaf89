using CoworkSync.Members.Accounts;
using CoworkSync.Members.History;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Administration.Members;

/// <summary>What a member's page shows beyond their view: the sessions online now and their recent changes.</summary>
public sealed class MemberActivity(AccountStore accounts, UsageReport usage, MemberHistoryStore history)
{
    /// <summary>The account's sessions online now, newest first; none when there is no such account.</summary>
    public async Task<IReadOnlyList<OnlineSession>> OnlineAsync(string username, CancellationToken cancellationToken) =>
        await accounts.GetAsync(username, cancellationToken) is { } account ? await usage.OnlineAsync(account, cancellationToken) : [];

    /// <summary>The member's recent changes, newest first (at most <see cref="MemberHistoryStore.Capacity"/>).</summary>
    public async Task<IReadOnlyList<MemberHistoryEntry>> RecentAsync(string connectorId, string memberId, CancellationToken cancellationToken) =>
        MemberIds.AreValid(connectorId, memberId) ? await history.ListAsync(connectorId, memberId, cancellationToken) : [];
}
