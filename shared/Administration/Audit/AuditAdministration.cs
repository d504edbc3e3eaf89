using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Audit;

/// <summary>Reading the audit log (the admin API and the console alike): newest first, paged, by area or connector.</summary>
public sealed class AuditAdministration(AuditLog log)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Outcome<AuditPageView>> ListAsync(int? pageSize, string? continuationToken, string? area, string? connectorId, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
            return Outcome<AuditPageView>.Invalid("pageSize", $"must be between 1 and {MaxPageSize}");
        if (area is not null && !AuditAreas.IsKnown(area))
            return Outcome<AuditPageView>.Invalid("area", $"must be one of {string.Join(", ", AuditAreas.All)}");
        if (continuationToken is not null && AuditContinuation.Decode(continuationToken) is null)
            return Outcome<AuditPageView>.Invalid("continuationToken", "is not a token a page of the audit log gave");

        var page = await log.ListAsync(new AuditQuery(pageSize ?? DefaultPageSize, continuationToken, area, string.IsNullOrEmpty(connectorId) ? null : connectorId), cancellationToken);
        return Outcome<AuditPageView>.Done(new AuditPageView([.. page.Items.Select(AuditEntryView.From)], page.ContinuationToken));
    }
}
