using CoworkSync.Functions.Console.Connectors;
using CoworkSync.Functions.Health;
using CoworkSync.Messaging.Counters;

namespace CoworkSync.Functions.Console.Overview;

/// <param name="Health">Every health probe's answer.</param>
/// <param name="Connectors">Null when they could not be read; <paramref name="ConnectorsProblem"/> says why.</param>
/// <param name="ConnectorsProblem">Why the connectors could not be read.</param>
/// <param name="Events">The last 24 hours' event counts, oldest hour first; null when they could not be read.</param>
/// <param name="DeadLetters">The dead letters waiting; null when they could not be counted.</param>
public sealed record OverviewModel(
    HealthReport Health,
    IReadOnlyList<ConnectorStatus>? Connectors,
    string? ConnectorsProblem,
    IReadOnlyList<HourTotals>? Events,
    DeadLettersWaiting? DeadLetters);

/// <summary>How many dead letters wait for someone, counted up to <see cref="ConsoleOverview.DeadLetterCountLimit"/>.</summary>
/// <param name="Count">The count (the limit when there are more).</param>
/// <param name="More">Whether there are more than <paramref name="Count"/>.</param>
public sealed record DeadLettersWaiting(int Count, bool More);
