using CoworkSync.Administration.Connectors;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>
/// A connector's state as the console lists it: the state its platform reports (a connection), or, where the platform
/// keeps none, which secrets are set; with its newest sync run.
/// </summary>
public sealed class ConnectorStatuses(ConnectorStore connectors, ConnectorViews views, PlatformRegistry platforms, SyncRunStore runs)
{
    /// <summary>Every connector, by name. Throws when the table store does not answer.</summary>
    public async Task<IReadOnlyList<ConnectorStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var statuses = new List<ConnectorStatus>();
        foreach (var connector in (await connectors.ListAsync(cancellationToken)).OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase))
            statuses.Add(await ForAsync(connector, cancellationToken));
        return statuses;
    }

    public async Task<ConnectorStatus> ForAsync(Connector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
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
