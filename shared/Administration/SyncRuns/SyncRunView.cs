using CoworkSync.Members.Sync;

namespace CoworkSync.Administration.SyncRuns;

/// <summary>A sync run as the admin API shows it.</summary>
/// <param name="RunId">The run's id (newest sort first).</param>
/// <param name="ConnectorId">The connector synced.</param>
/// <param name="Trigger"><c>schedule</c> or <c>manual</c>.</param>
/// <param name="State"><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Counts">What it did, member by member.</param>
/// <param name="Errors">What went wrong.</param>
/// <param name="Notes">What the platform reported.</param>
public sealed record SyncRunView(
    string RunId, string ConnectorId, string Trigger, string State, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    SyncCountsView Counts, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes)
{
    public static SyncRunView From(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Counts;
        return new(run.RunId, run.ConnectorId, run.Trigger, run.State.ToString().ToLowerInvariant(), run.QueuedAt, run.StartedAt, run.EndedAt,
            new SyncCountsView(c.Seen, c.Created, c.Updated, c.Enabled, c.Disabled, c.Unchanged, c.Stale, c.Gone, c.Flagged, c.Failed, c.SkippedByReason),
            run.Errors, run.Notes);
    }
}

/// <summary>A sync run's counts; <paramref name="Skipped"/> counts the members without an account by reason.</summary>
/// <param name="Seen">Members the platform listed.</param>
/// <param name="Created">Accounts created.</param>
/// <param name="Updated">Accounts changed.</param>
/// <param name="Enabled">Accounts enabled.</param>
/// <param name="Disabled">Accounts disabled.</param>
/// <param name="Unchanged">Members already as they should be.</param>
/// <param name="Stale">States older than the stored one.</param>
/// <param name="Gone">Members the platform no longer lists.</param>
/// <param name="Flagged">Members that need an operator.</param>
/// <param name="Failed">Members that could not be reconciled.</param>
/// <param name="Skipped">Members without an account, by reason.</param>
public sealed record SyncCountsView(
    int Seen, int Created, int Updated, int Enabled, int Disabled, int Unchanged, int Stale, int Gone, int Flagged, int Failed, IReadOnlyDictionary<string, int> Skipped);
