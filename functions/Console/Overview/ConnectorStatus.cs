using CoworkSync.Sync;

namespace CoworkSync.Functions.Console.Overview;

/// <summary>One connector as the overview lists it.</summary>
/// <param name="State">Cobot: the connection's state; Coworks: which secrets are set.</param>
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
