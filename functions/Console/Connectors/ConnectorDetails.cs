using CoworkSync.Administration.Connectors;
using CoworkSync.Administration.SyncRuns;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>Everything the connector page shows, read through the Administration services the admin API uses.</summary>
/// <param name="View">The connector as the admin API shows it.</param>
/// <param name="Status">Its state and newest sync run.</param>
/// <param name="PlatformSection">Its platform's section as name/value pairs, in the platform's order.</param>
/// <param name="Secrets">Each of its platform's secrets: set or missing, and when last set.</param>
/// <param name="PlanMappings">Its plan mapping.</param>
/// <param name="SyncRuns">Its latest sync runs, newest first.</param>
/// <param name="Connect">Its platform's interactive connection; null when the platform has none.</param>
public sealed record ConnectorDetails(
    ConnectorView View,
    ConnectorStatus Status,
    IReadOnlyList<KeyValuePair<string, string>> PlatformSection,
    IReadOnlyList<SecretFieldView> Secrets,
    IReadOnlyList<PlanMappingView> PlanMappings,
    IReadOnlyList<SyncRunView> SyncRuns,
    IPlatformConnect? Connect);
