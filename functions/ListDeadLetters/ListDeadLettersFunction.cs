using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.ListDeadLetters;

/// <summary><c>GET /api/admin/dead-letters</c>: a page of dead letters, filtered by connector, event type and state.</summary>
public static class ListDeadLettersFunction
{
    public const string FunctionName = "ListDeadLetters";
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/dead-letters", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ListAsync(
        IDeadLetterStore store,
        string? connectorId,
        string? eventType,
        string? state,
        int? pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        DeadLetterState? parsedState = null;
        if (state is not null)
        {
            if (!Enum.TryParse<DeadLetterState>(state, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return AdminProblems.BadRequest("state", "must be one of open, replayed, discarded");
            parsedState = s;
        }
        if (pageSize is < 1 or > MaxPageSize)
            return AdminProblems.BadRequest("pageSize", $"must be between 1 and {MaxPageSize}");

        var page = await store.ListAsync(new DeadLetterQuery(connectorId, eventType, parsedState, pageSize ?? 50, continuationToken), cancellationToken);
        return Results.Ok(new { items = page.Items.Select(DeadLetterView.Summary), continuationToken = page.ContinuationToken });
    }
}
