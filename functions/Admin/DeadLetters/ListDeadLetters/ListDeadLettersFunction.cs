using CoworkSync.Administration.DeadLetters;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.DeadLetters.ListDeadLetters;

/// <summary><c>GET /api/admin/dead-letters</c>: a page of dead letters, filtered by connector, event type and state.</summary>
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
        int? pageSize,
        string? continuationToken,
        CancellationToken cancellationToken) =>
        AdminAnswers.FromQuery(await deadLetters.ListAsync(connectorId, eventType, state, pageSize, continuationToken, cancellationToken), Results.Ok);
}
