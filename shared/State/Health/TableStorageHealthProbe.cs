using Azure;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.State.Health;

/// <summary>The table store answers when a one-row query of its table list succeeds (needs only data-plane read rights).</summary>
public sealed class TableStorageHealthProbe(StateTables tables) : IHealthProbe
{
    public string Name => "tables";

    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A filter string, not a LINQ predicate: no expression tree to build and translate on a cold instance's first check.
            var filter = TableServiceClient.CreateQueryFilter($"TableName eq {TableNames.DeadLetters}");
            await foreach (var _ in tables.Service.QueryAsync(filter, maxPerPage: 1, cancellationToken).AsPages(pageSizeHint: 1))
                break;
            return HealthProbeResult.Ok;
        }
        catch (RequestFailedException ex)
        {
            return HealthProbeResult.Down($"the table service answered {ex.Status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or AggregateException)
        {
            return HealthProbeResult.Down("the table service cannot be reached");
        }
    }
}
