namespace CoworkSync.Connectors.Seam;

/// <summary>
/// The platform's part of the connector test (<c>POST …/test</c>). The report runs <c>api</c>
/// (<see cref="IPlatformMembers.CheckAsync"/>), then <see cref="WebhooksAsync"/>, then the generic <c>plans</c> and
/// <c>locations</c>, then <see cref="OwnChecksAsync"/>.
/// </summary>
public interface IPlatformChecks
{
    /// <summary>Whether the platform's webhooks can reach and pass (a secret is set, the subscriptions are active).</summary>
    /// <param name="connector">The connector tested.</param>
    /// <param name="apiOk">Whether the <c>api</c> check passed: a check that needs the platform's API says it was not run.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<ConnectorCheck> WebhooksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken);

    /// <summary>Checks only this platform has, reported last, in order.</summary>
    /// <param name="connector">The connector tested.</param>
    /// <param name="apiOk">Whether the <c>api</c> check passed.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    Task<IReadOnlyList<ConnectorCheck>> OwnChecksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectorCheck>>([]);
}

/// <summary>One check of the connector test, as the report shows it.</summary>
/// <param name="Name">The check's name in the answer (<c>api</c>, <c>plans</c>, …).</param>
/// <param name="Ok">Whether the check passed.</param>
/// <param name="Detail">What it found, for the operator (no secrets).</param>
/// <param name="Items">What the check found wrong: unmapped plans, unknown locations, missing subscriptions.</param>
public sealed record ConnectorCheck(string Name, bool Ok, string Detail, IReadOnlyList<object>? Items = null)
{
    /// <summary>A check that needs the platform's API, when the <c>api</c> check failed.</summary>
    public static ConnectorCheck NotRun(string name) => new(name, false, "not checked: the API check failed");
}
