using CoworkSync.Connectors.Seam;

namespace CoworkSync.Administration.Connectors;

/// <summary>What <c>POST …/test</c> answers: every check in order, and whether all passed.</summary>
/// <param name="ConnectorId">The connector tested.</param>
/// <param name="Ok">Every check passed.</param>
/// <param name="Checks">The checks, in the order they ran.</param>
public sealed record ConnectorTestReport(string ConnectorId, bool Ok, IReadOnlyList<ConnectorCheck> Checks)
{
    public static ConnectorTestReport Of(string connectorId, IReadOnlyList<ConnectorCheck> checks) => new(connectorId, checks.All(c => c.Ok), checks);
}

/// <summary>A plan the <c>plans</c> check found unmapped.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="Name">Its name.</param>
public sealed record UnmappedPlan(string Id, string Name);
