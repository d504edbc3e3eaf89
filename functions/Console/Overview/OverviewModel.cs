using CoworkSync.Functions.Health;

namespace CoworkSync.Functions.Console.Overview;

/// <param name="Connectors">Null when they could not be read; <paramref name="ConnectorsProblem"/> says why.</param>
public sealed record OverviewModel(HealthReport Health, IReadOnlyList<ConnectorStatus>? Connectors, string? ConnectorsProblem);
