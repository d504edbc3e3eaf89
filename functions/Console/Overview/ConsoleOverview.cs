using Azure;
using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Health;
using CoworkSync.Members.Sync;
using CoworkSync.State.Health;

namespace CoworkSync.Functions.Console.Overview;

/// <summary>
/// What the console's overview shows, read through the services the admin API uses: the health probes of
/// <c>/api/health</c>, the connectors with the state their platform reports (or, where it keeps none, which secrets are
/// set), and each one's newest sync run.
/// </summary>
public sealed class ConsoleOverview(
    IEnumerable<IHealthProbe> probes, ConnectorStore connectors, ConnectorViews views, PlatformRegistry platforms, SyncRunStore runs, TimeProvider time)
{
    public async Task<OverviewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var health = await HealthReport.CollectAsync(probes, time, cancellationToken);
        try
        {
            var statuses = new List<ConnectorStatus>();
            foreach (var connector in (await connectors.ListAsync(cancellationToken)).OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase))
                statuses.Add(await StatusAsync(connector, cancellationToken));
            return new OverviewModel(health, statuses, null);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            return new OverviewModel(health, null, "The connectors could not be read: the table store did not answer.");
        }
    }

    private async Task<ConnectorStatus> StatusAsync(Connector connector, CancellationToken cancellationToken)
    {
        var lastSync = (await runs.ListAsync(connector.Id, 1, cancellationToken)).FirstOrDefault();
        var platform = platforms.Find(connector.Platform);
        var platformName = platform?.DisplayName ?? connector.Platform;
        if (platform is not null && await platform.Views.StatusAsync(connector, cancellationToken) is { } status)
            return new ConnectorStatus(connector.Id, connector.DisplayName, platformName, status.State, status.Detail, status.NeedsAttention, lastSync);

        var secrets = (await views.ForAsync(connector, cancellationToken)).Secrets;
        var missing = secrets.Where(s => s.Value != "set").Select(s => s.Key).ToList();
        var state = missing.Count == 0 ? "secrets set" : $"missing: {string.Join(", ", missing)}";
        return new ConnectorStatus(connector.Id, connector.DisplayName, platformName, state, null, missing.Count > 0, lastSync);
    }
}
