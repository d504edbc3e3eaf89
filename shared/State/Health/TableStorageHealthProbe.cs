using Azure;
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
            await foreach (var _ in tables.Service.QueryAsync(t => t.Name == TableNames.DeadLetters, maxPerPage: 1, cancellationToken).AsPages(pageSizeHint: 1))
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
