using Azure.Data.Tables;
using CoworkSync.State.Caching;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// Accounts as RADIUS reads them: from memory for at most <see cref="AccountCacheOptions.CacheSeconds"/> since their read
/// began, never longer (a strict bound, no serving while reloading), one read at a time per user name. "No such account"
/// is kept just as long, so a new account works within the same bound on every instance. The password stays as stored,
/// encrypted: it is decrypted for each answer.
/// <para>
/// <see cref="AccountStore"/> calls <see cref="Forget"/> after each of its writes, so the instance that changed an
/// account (a reconcile, a password change) answers from the change at once; others within the bound. Whoever writes an
/// account another way calls <see cref="Forget"/> after the write.
/// </para>
/// </summary>
public sealed class AccountCache(StateTables tables, TimeProvider time, IOptions<AccountCacheOptions> options)
{
    private readonly TtlCache<string, WifiAccount?> _accounts = new(options.Value.Ttl, time, StringComparer.Ordinal);

    /// <summary>How long an account read is served; the bound on a change reaching another instance.</summary>
    public TimeSpan Ttl => _accounts.Ttl;

    /// <param name="username">The user name, lowercase.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The account as read at most <see cref="Ttl"/> ago; null when there was none.</returns>
    public Task<WifiAccount?> GetAsync(string username, CancellationToken cancellationToken) =>
        _accounts.GetAsync(username, ReadAsync, cancellationToken);

    /// <summary>The hook for a change of the account (its password, its access): this instance reads it again at the next request.</summary>
    public void Forget(string username) => _accounts.Invalidate(username);

    private async Task<WifiAccount?> ReadAsync(string username)
    {
        var table = await tables.GetAsync(TableNames.Accounts, CancellationToken.None);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(username), AccountEntityMapper.Row);
        return found.HasValue ? AccountEntityMapper.FromEntity(found.Value!) : null;
    }
}
