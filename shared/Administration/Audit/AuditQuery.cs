namespace CoworkSync.Administration.Audit;

/// <summary>A page of the audit log, newest first, optionally about one area or connector.</summary>
/// <param name="PageSize">How many entries at most.</param>
/// <param name="ContinuationToken">Where the page starts (a previous page's token); null for the newest.</param>
/// <param name="Area">Only entries of this area (<see cref="AuditAreas"/>).</param>
/// <param name="ConnectorId">Only entries about this connector.</param>
public sealed record AuditQuery(int PageSize, string? ContinuationToken = null, string? Area = null, string? ConnectorId = null);

/// <summary>A page of audit entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="ContinuationToken">Where the next (older) page starts; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? ContinuationToken);
