using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.DiscardDeadLetter;

/// <summary><c>DELETE /api/admin/dead-letters/{id}</c>: sets the dead letter aside; the record and its audit trail are kept.</summary>
public static class DiscardDeadLetterFunction
{
    public const string FunctionName = "DiscardDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/admin/dead-letters/{id}", DiscardAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> DiscardAsync(string id, HttpRequest request, DeadLetterActions actions, CancellationToken cancellationToken)
    {
        id = RouteId.Decode(id);
        var actor = await AdminActor.ReadAsync(request, cancellationToken);
        if (actor.Problem is { } problem)
            return problem;

        var result = await actions.DiscardAsync(id, actor.Name, actor.Comment, cancellationToken);
        return result.Status == DeadLetterActionStatus.Done
            ? Results.Ok(DeadLetterView.Summary(result.DeadLetter!))
            : AdminProblems.NotFound($"There is no dead letter '{id}'.");
    }
}
