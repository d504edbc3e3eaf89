using System.Net;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// WiFi accounts keyed by user name. Adding is how a user name is claimed: the table refuses a second one. Reads here are
/// fresh (with the ETag a write needs); RADIUS reads through <see cref="AccountCache"/>, which every write here tells.
/// </summary>
public sealed class AccountStore(StateTables tables, AccountCache cache, TimeProvider time)
{
    public async Task<WifiAccount?> GetAsync(string username, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Accounts, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(username), AccountEntityMapper.Row, cancellationToken: cancellationToken);
        return found.HasValue ? AccountEntityMapper.FromEntity(found.Value!) : null;
    }

    /// <returns>The stored account, or null when the user name is already taken.</returns>
    public async Task<WifiAccount?> TryAddAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Accounts, cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(AccountEntityMapper.ToEntity(account), cancellationToken);
            cache.Forget(account.Username);
            return account with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Replaces the account read with its ETag; a concurrent change surfaces as 412.</summary>
    public async Task<WifiAccount> UpdateAsync(WifiAccount account, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Accounts, cancellationToken);
        var response = await table.UpdateEntityAsync(AccountEntityMapper.ToEntity(account), account.ETag, TableUpdateMode.Replace, cancellationToken);
        cache.Forget(account.Username);
        return account with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>
    /// Writes <paramref name="change"/> of the account with its ETag, again from a fresh read if someone wrote in between.
    /// The first attempt starts from <paramref name="known"/> when it was read with an ETag (no read then); otherwise from a
    /// fresh read, where <paramref name="known"/> stands in when the account is gone.
    /// </summary>
    public Task<WifiAccount> ChangeAsync(WifiAccount known, Func<WifiAccount, WifiAccount> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(change);
        var attempt = 0;
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = attempt++ == 0 && known.ETag != default ? known : await GetAsync(known.Username, ct) ?? known;
            return await UpdateAsync(change(current), ct);
        }, time, cancellationToken);
    }
}
