namespace CoworkSync.Members.Sync;

/// <summary>One full reconciliation of a connector's members with the platform: when, what it did, what went wrong.</summary>
public sealed record SyncRun
{
    public required string ConnectorId { get; init; }

    /// <summary>Sorts newest first: inverted start ticks, then a random suffix.</summary>
    public required string RunId { get; init; }

    /// <summary><c>schedule</c> or <c>manual</c>.</summary>
    public required string Trigger { get; init; }

    public SyncRunState State { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public SyncCounts Counts { get; init; } = new();

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What the platform reported during the run: repairs made (webhook subscriptions), values ignored.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public enum SyncRunState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
