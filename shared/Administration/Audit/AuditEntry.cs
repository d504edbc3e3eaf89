namespace CoworkSync.Administration.Audit;

/// <summary>One change made through the console or the admin API. Never a secret: for secrets only which were set.</summary>
public sealed record AuditEntry
{
    /// <summary>The entry's id (its row key: newest sorts first).</summary>
    public string Id { get; init; } = "";

    public required DateTimeOffset At { get; init; }

    public required AuditActor Actor { get; init; }

    /// <summary>One of <see cref="AuditAreas"/>.</summary>
    public required string Area { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What was changed: a connector, group, dead letter or member id.</summary>
    public required string Target { get; init; }

    /// <summary>The connector concerned, when there is one (for filtering).</summary>
    public string? ConnectorId { get; init; }

    /// <summary>What happened, in a sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>Each value set, before and after.</summary>
    public IReadOnlyList<AuditChange> Changes { get; init; } = [];

    /// <summary>The names of the secrets set or rotated; never their values.</summary>
    public IReadOnlyList<string> SecretsSet { get; init; } = [];

    /// <summary>Why, as the person said (dead letters).</summary>
    public string? Comment { get; init; }
}
