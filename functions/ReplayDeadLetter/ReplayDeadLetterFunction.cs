using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.ReplayDeadLetter;

/// <summary>
/// <c>POST /api/admin/dead-letters/{id}/replay</c>: re-publishes the event under a new message id (the event id stays,
/// so it is applied at most once however often it is replayed) and records who replayed it and when.
/// </summary>
public static class ReplayDeadLetterFunction
{
    public const string FunctionName = "ReplayDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/dead-letters/{id}/replay", ReplayAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ReplayAsync(string id, HttpRequest request, DeadLetterActions actions, CancellationToken cancellationToken)
    {
        id = RouteId.Decode(id);
        var actor = await AdminActor.ReadAsync(request, cancellationToken);
        if (actor.Problem is { } problem)
            return problem;

        var result = await actions.ReplayAsync(id, actor.Name, actor.Comment, cancellationToken);
        return result.Status switch
        {
            DeadLetterActionStatus.Done => Results.Accepted(value: DeadLetterView.Summary(result.DeadLetter!)),
            DeadLetterActionStatus.Discarded => AdminProblems.Conflict("The dead letter was discarded; it can no longer be replayed."),
            DeadLetterActionStatus.NothingToReplay => AdminProblems.Conflict("The dead letter holds no readable event (the message was malformed); there is nothing to replay."),
            _ => AdminProblems.NotFound($"There is no dead letter '{id}'."),
        };
    }
}
