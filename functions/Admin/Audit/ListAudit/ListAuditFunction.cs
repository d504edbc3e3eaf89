using CoworkSync.Administration.Audit;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Audit.ListAudit;

/// <summary>
/// <c>GET /api/admin/audit?pageSize=&amp;continuationToken=&amp;area=&amp;connectorId=</c>: every change made through the
/// console or the admin API, newest first, a page at a time; optionally of one area or connector.
/// </summary>
public static class ListAuditFunction
{
    public const string FunctionName = "ListAudit";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/audit", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Audit").WithSummary("Every change made through the console or the admin API, newest first, paged").Produces<AuditPageView>().ProducesProblem(400);

    private static async Task<IResult> ListAsync(
        AuditAdministration audit, int? pageSize, string? continuationToken, string? area, string? connectorId, CancellationToken cancellationToken) =>
        AdminAnswers.FromQuery(await audit.ListAsync(pageSize, continuationToken, area, connectorId, cancellationToken), Results.Ok);
}
