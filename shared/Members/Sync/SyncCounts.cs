using CoworkSync.Members.Provisioning;

namespace CoworkSync.Members.Sync;

/// <summary>What a sync run did, member by member.</summary>
public sealed record SyncCounts
{
    public int Seen { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Enabled { get; init; }
    public int Disabled { get; init; }
    public int Unchanged { get; init; }
    public int Stale { get; init; }
    public int Failed { get; init; }
    public int Gone { get; init; }
    public int Flagged { get; init; }

    /// <summary>Members without an account, by reason (e.g. "plan not mapped": 3).</summary>
    public IReadOnlyDictionary<string, int> SkippedByReason { get; init; } = new Dictionary<string, int>();

    public SyncCounts Add(ReconcileResult result)
    {
        var counts = result.Outcome switch
        {
            ReconcileOutcome.Created => this with { Created = Created + 1 },
            ReconcileOutcome.Updated => this with { Updated = Updated + 1 },
            ReconcileOutcome.Enabled => this with { Enabled = Enabled + 1 },
            ReconcileOutcome.Disabled => this with { Disabled = Disabled + 1 },
            ReconcileOutcome.Unchanged => this with { Unchanged = Unchanged + 1 },
            ReconcileOutcome.Stale => this with { Stale = Stale + 1 },
            _ => this with { SkippedByReason = Increment(SkippedByReason, result.Member.Reason ?? "unknown") },
        };
        return result.Member.Flagged ? counts with { Flagged = counts.Flagged + 1 } : counts;
    }

    private static Dictionary<string, int> Increment(IReadOnlyDictionary<string, int> counts, string reason)
    {
        var copy = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        copy[reason] = copy.GetValueOrDefault(reason) + 1;
        return copy;
    }
}
