using CoworkSync.Functions.Health;

namespace CoworkSync.Functions.Console.Overview;

/// <param name="Health">Every health probe's answer.</param>
/// <param name="Connectors">Null when they could not be read; <paramref name="ConnectorsProblem"/> says why.</param>
/// <param name="ConnectorsProblem">Why the connectors could not be read.</param>
public sealed record OverviewModel(HealthReport Health, IReadOnlyList<ConnectorStatus>? Connectors, string? ConnectorsProblem);
