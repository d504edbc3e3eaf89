using System.Diagnostics;
using Azure.Data.Tables;

namespace CoworkSync.Compare.Services;

/// <summary>
/// Watches the Accounts table for a burst's members, as RADIUS would find them: one query every
/// <see cref="Poll"/> for the enabled accounts whose user names start with the burst's prefix (their keys only).
/// Azurite evaluates such a query over the table's rows, so it is asked seldom: the figure is late by up to one poll.
/// </summary>
public static class EnabledAccounts
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The time on <paramref name="clock"/> when <paramref name="count"/> accounts were first seen enabled.</summary>
    public static async Task<TimeSpan> WaitForAsync(Azurite azurite, string prefix, int count, Stopwatch clock, TimeSpan limit, CancellationToken cancellationToken)
    {
        var accounts = new TableClient(azurite.ConnectionString, "Accounts");
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper} and Enabled eq true");
        while (true)
        {
            var seen = 0;
            await foreach (var _ in accounts.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
                seen++;
            if (seen >= count)
                return clock.Elapsed;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Only {seen} of the burst's {count} accounts were enabled within {limit.TotalSeconds:0} s.");
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
