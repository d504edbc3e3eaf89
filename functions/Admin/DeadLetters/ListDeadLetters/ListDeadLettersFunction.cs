using CoworkSync.Administration.DeadLetters;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.DeadLetters.ListDeadLetters;

/// <summary>
/// <c>GET /api/admin/dead-letters</c>: a page of dead letters, filtered by connector, event type, state, the last
/// failure's reason, and when it last failed (<c>failedFrom</c> inclusive, <c>failedBefore</c> exclusive, ISO 8601).
/// </summary>
public static class ListDeadLettersFunction
{
    public const string FunctionName = "ListDeadLetters";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/dead-letters", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Dead letters").WithSummary("A page of dead letters, filtered by connector, event type and state").Produces<DeadLetterPageView>().ProducesProblem(400);

    private static async Task<IResult> ListAsync(
        DeadLetterAdministration deadLetters,
        string? connectorId,
        string? eventType,
        string? state,
        string? pageSize,
        string? continuationToken,
        string? reason,
        DateTimeOffset? failedFrom,
        DateTimeOffset? failedBefore,
        CancellationToken cancellationToken) =>
        QueryNumber.TryRead(pageSize, out var size)
            ? AdminAnswers.FromQuery(await deadLetters.ListAsync(connectorId, eventType, state, size, continuationToken, cancellationToken,
                reason, failedFrom, failedBefore), Results.Ok)
            : AdminProblems.BadRequest("pageSize", $"must be a whole number between 1 and {DeadLetterAdministration.MaxPageSize}");
}
