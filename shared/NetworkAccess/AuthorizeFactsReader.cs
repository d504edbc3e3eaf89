using System.Runtime.CompilerServices;
using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Reads what an authorize decision is made from, in the decision's order and no further than it goes: the account; its
/// connector and groups (from their caches); and, only for an enabled account of a connected space whose groups set an
/// hours or a device limit, the usage row of the current cycle. RADIUS reads the account and usage through
/// <see cref="AccountCache"/> and <see cref="UsageLedger"/> (at most the cache time old); a page that explains a decision
/// reads them fresh.
/// </summary>
public sealed class AuthorizeFactsReader(
    AccountCache cachedAccounts,
    AccountStore accounts,
    UsageLedger usage,
    ConnectorCache connectors,
    AccessGroupStore groups)
{
    // The merged access of an account's groups, per group list of a cached account and per groups snapshot: the merge is
    // made once per account read, not once per request.
    private readonly ConditionalWeakTable<IReadOnlyList<string>, MergedAccess> _merged = [];

    /// <summary>The facts as RADIUS reads them.</summary>
    public async Task<AuthorizeFacts> ReadAsync(string username, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReadAsync(await cachedAccounts.GetAsync(username, cancellationToken), now, fresh: false, cancellationToken);

    /// <summary>The facts read from storage now (the account and the usage row), for a view that must be current.</summary>
    public async Task<AuthorizeFacts> ReadFreshAsync(string username, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReadAsync(await accounts.GetAsync(username, cancellationToken), now, fresh: true, cancellationToken);

    private async Task<AuthorizeFacts> ReadAsync(WifiAccount? account, DateTimeOffset now, bool fresh, CancellationToken cancellationToken)
    {
        if (account is null)
            return AuthorizeFacts.NoAccount;
        if (!account.Enabled)
            return new AuthorizeFacts(account, null, EffectiveAccess.None, null);
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        if (connector is null)
            return new AuthorizeFacts(account, null, EffectiveAccess.None, null);

        var access = await AccessOfAsync(account, cancellationToken);
        if (!AuthorizeDecision.NeedsUsage(access))
            return new AuthorizeFacts(account, connector, access, null);
        var cycleKey = AuthorizeDecision.CycleOf(account, connector, now).Key;
        var used = fresh
            ? await usage.GetFreshAsync(account.Username, cycleKey, cancellationToken)
            : await usage.GetAsync(account.Username, cycleKey, cancellationToken);
        return new AuthorizeFacts(account, connector, access, used);
    }

    private async Task<EffectiveAccess> AccessOfAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var inForce = await groups.GetAllAsync(cancellationToken);
        if (_merged.TryGetValue(account.Groups, out var known) && ReferenceEquals(known.InForce, inForce))
            return known.Access;
        var resolved = new List<AccessGroup>(account.Groups.Count);
        foreach (var id in account.Groups.Distinct(StringComparer.Ordinal))
        {
            if (inForce.TryGetValue(id, out var group))
                resolved.Add(group);
        }
        var access = AccessGroupMerger.Merge(resolved);
        _merged.AddOrUpdate(account.Groups, new MergedAccess(inForce, access));
        return access;
    }

    private sealed record MergedAccess(IReadOnlyDictionary<string, AccessGroup> InForce, EffectiveAccess Access);
}
