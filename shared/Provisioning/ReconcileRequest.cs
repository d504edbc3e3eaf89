namespace CoworkSync.Provisioning;

/// <summary>One member's latest platform state to reconcile, with what the connector says about provisioning.</summary>
/// <param name="EventId">The event that carried the state, if any.</param>
/// <param name="SyncRunId">The sync run that fetched it, if any.</param>
public sealed record ReconcileRequest(
    string ConnectorId,
    PlatformMember Member,
    ConnectorSettings Settings,
    IReadOnlyList<PlanMapping> PlanMappings,
    string? EventId = null,
    string? SyncRunId = null);
