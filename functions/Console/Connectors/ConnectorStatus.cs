using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>One connector as the overview and the connectors page list it.</summary>
/// <param name="Id">The connector's id.</param>
/// <param name="DisplayName">Its name for people.</param>
/// <param name="Platform">Its platform's display name.</param>
/// <param name="State">The state the platform reports (a connection), or which secrets are set.</param>
/// <param name="Detail">What went wrong, when something did (Cobot's answer).</param>
/// <param name="NeedsAttention">Whether the state keeps members from being synced.</param>
/// <param name="LastSync">The connector's newest sync run; null before the first.</param>
public sealed record ConnectorStatus(
    string Id,
    string DisplayName,
    string Platform,
    string State,
    string? Detail,
    bool NeedsAttention,
    SyncRun? LastSync);
