using Azure;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Cobot;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Health;
using CoworkSync.Health;
using CoworkSync.Sync;

namespace CoworkSync.Functions.Console.Overview;

/// <summary>
/// What the console's overview shows, read through the services the admin API uses: the health probes of
/// <c>/api/health</c>, the connectors with the connection state the admin API reports, and each one's newest sync run.
/// </summary>
public sealed class ConsoleOverview(
    IEnumerable<IHealthProbe> probes, ConnectorStore connectors, ConnectorSecrets secrets, ConnectorViews views, SyncRunStore runs)
{
    public async Task<OverviewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var health = await HealthReport.CollectAsync(probes, cancellationToken);
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
        if (connector.Cobot is not null)
        {
            var connection = await views.CobotConnectionAsync(connector.Id, cancellationToken);
            var attention = connection.State is CobotConnectionStates.NotConnected or CobotConnectionStates.Error;
            return new ConnectorStatus(connector.Id, connector.DisplayName, connector.Platform, connection.State, connection.Reason, attention, lastSync);
        }

        var (apiKey, webhookSecret) = await secrets.StatusAsync(connector.Id, cancellationToken);
        var state = $"API key {(apiKey ? "set" : "missing")}, webhook secret {(webhookSecret ? "set" : "missing")}";
        return new ConnectorStatus(connector.Id, connector.DisplayName, connector.Platform, state, null, !apiKey || !webhookSecret, lastSync);
    }
}
