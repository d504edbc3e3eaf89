using System.Globalization;
using CoworkSync.Members.Sync;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>How the console says a sync run's outcome and times.</summary>
public static class SyncRunText
{
    public static string Outcome(SyncRun? run) => run switch
    {
        null => "none yet",
        { State: SyncRunState.Succeeded, EndedAt: { } ended } => $"succeeded {When(ended)}, {run.Counts.Seen} members seen",
        { State: SyncRunState.Failed, EndedAt: { } ended } => $"failed {When(ended)}" + (run.Errors.Count > 0 ? $": {run.Errors[0]}" : ""),
        { State: SyncRunState.Running, StartedAt: { } started } => $"running since {When(started)}",
        _ => $"queued {When(run.QueuedAt)}",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
