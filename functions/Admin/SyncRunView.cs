using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.Admin;

public static class SyncRunView
{
    public static object From(SyncRun run) => new
    {
        runId = run.RunId,
        connectorId = run.ConnectorId,
        trigger = run.Trigger,
        state = run.State.ToString().ToLowerInvariant(),
        queuedAt = run.QueuedAt,
        startedAt = run.StartedAt,
        endedAt = run.EndedAt,
        counts = new
        {
            seen = run.Counts.Seen,
            created = run.Counts.Created,
            updated = run.Counts.Updated,
            enabled = run.Counts.Enabled,
            disabled = run.Counts.Disabled,
            unchanged = run.Counts.Unchanged,
            stale = run.Counts.Stale,
            gone = run.Counts.Gone,
            flagged = run.Counts.Flagged,
            failed = run.Counts.Failed,
            skipped = run.Counts.SkippedByReason,
        },
        errors = run.Errors,
        notes = run.Notes,
    };
}
