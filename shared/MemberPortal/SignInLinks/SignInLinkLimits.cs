using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// Limits on asking for sign-in links, per email address and per client address, in fixed windows
/// (<see cref="SignInLinkOptions"/>: 3 per address and 10 per client an hour by default). Table
/// <c>PortalSignInLimits</c>: partition <c>email-{sha256}</c> or <c>client-{sha256}</c>, row the window's start; each
/// request adds one to both rows with the rows' ETags (two point operations each, whatever the email), so the count is
/// exact across instances. Known and unknown emails count alike.
/// </summary>
public sealed class SignInLinkLimits(StateTables tables, TimeProvider time, IOptions<SignInLinkOptions> options) : IExpiringRecords
{
    /// <summary>Counts the request; true when it is within both limits.</summary>
    public async Task<bool> TryTakeAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var window = WindowStart(time.GetUtcNow(), settings.LimitWindow);
        var byEmail = await CountAsync("email-" + EmailKeys.Hash(EmailKeys.Normalize(email)), window, cancellationToken);
        var byClient = await CountAsync("client-" + EmailKeys.Hash(clientAddress), window, cancellationToken);
        return byEmail <= settings.PerEmailLimit && byClient <= settings.PerClientLimit;
    }

    /// <summary>The start of the fixed window containing <paramref name="now"/>, counted from the Unix epoch.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window) =>
        DateTimeOffset.UnixEpoch.AddTicks((now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks * window.Ticks);

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PortalTables.SignInLimits, cancellationToken);
        var purged = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"WindowStart lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            purged++;
        }
        return purged;
    }

    private async Task<int> CountAsync(string partition, DateTimeOffset window, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PortalTables.SignInLimits, cancellationToken);
        var row = window.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        return await OptimisticConcurrency.RunAsync(async ct =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
            var count = (found.HasValue ? found.Value!.GetInt32("Count") ?? 0 : 0) + 1;
            var entity = new TableEntity(partition, row) { ["Count"] = count, ["WindowStart"] = window };
            if (found.HasValue)
                await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, ct);
            else
                await table.AddEntityAsync(entity, ct);
            return count;
        }, time, cancellationToken);
    }
}
