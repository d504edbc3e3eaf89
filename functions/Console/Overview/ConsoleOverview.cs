using Azure;
using CoworkSync.Functions.Console.Connectors;
using CoworkSync.Functions.Health;
using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.State.Health;

namespace CoworkSync.Functions.Console.Overview;

/// <summary>
/// What the console's overview shows, read through the services the admin API uses: the health probes of
/// <c>/api/health</c>, the connectors with the state their platform reports (or, where it keeps none, which secrets are
/// set), and each one's newest sync run; the last 24 hours' events from the hourly counters and the dead letters
/// waiting from their index (neither scans).
/// </summary>
public sealed class ConsoleOverview(
    IEnumerable<IHealthProbe> probes,
    ConnectorStatuses connectors,
    HourlyEventCounts events,
    OpenDeadLetters deadLetters,
    TimeProvider time)
{
    /// <summary>The overview counts the dead letters waiting up to this many, and says "more than" beyond.</summary>
    public const int DeadLetterCountLimit = 1000;

    public async Task<OverviewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var health = await HealthReport.CollectAsync(probes, time, cancellationToken);
        var lastDay = await ReadOrNullAsync(events.LastDayAsync, cancellationToken);
        var waiting = await ReadOrNullAsync(async ct =>
        {
            var (count, more) = await deadLetters.CountAsync(DeadLetterCountLimit, ct);
            return new DeadLettersWaiting(count, more);
        }, cancellationToken);
        try
        {
            var statuses = await connectors.ListAsync(cancellationToken);
            return new OverviewModel(health, statuses, null, lastDay, waiting);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return new OverviewModel(health, null, "The connectors could not be read: the table store did not answer.", lastDay, waiting);
        }
    }

    private static async Task<T?> ReadOrNullAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await read(cancellationToken);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return null;
        }
    }

    private static bool IsStoreFailure(Exception ex) => ex is RequestFailedException or HttpRequestException or AggregateException;
}
