using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.GetDeadLetter;

/// <summary><c>GET /api/admin/dead-letters/{id}</c>: one dead letter in full, with its envelope and history.</summary>
public static class GetDeadLetterFunction
{
    public const string FunctionName = "GetDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/dead-letters/{id}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> GetAsync(string id, IDeadLetterStore store, CancellationToken cancellationToken)
    {
        id = RouteId.Decode(id);
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
            return AdminProblems.NotFound($"There is no dead letter '{id}'.");
        var history = await store.GetHistoryAsync(id, cancellationToken);
        return Results.Ok(DeadLetterView.Full(record, history));
    }
}
